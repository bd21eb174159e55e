import type { MetadataRoute } from 'next';
import { lessons } from '@/content/lessons';
import { pages } from '@/content/pages';
import { basePath } from '@/lib/site';

export const dynamic = 'force-static';

/**
 * sitemap.xml for the static export. Sitemaps need absolute URLs: set SITE_URL to the public origin
 * when building for deployment (README "Deploying"); the default only suits local previews.
 */
export default function sitemap(): MetadataRoute.Sitemap {
  const origin = (process.env.SITE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
  const root = `${origin}${basePath}`;
  return [
    { url: `${root}/`, changeFrequency: 'weekly', priority: 1 },
    ...pages.map((p) => ({ url: `${root}${p.path}`, changeFrequency: 'monthly' as const })),
    ...lessons.map((l) => ({
      url: `${root}/learn/${l.slug}/`,
      changeFrequency: 'monthly' as const,
      priority: 0.8,
    })),
  ];
}

import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { pages } from '@/content/pages';
import { OfflineControl } from '@/components/offline/OfflineControl';
import { ThemeToggle } from '@/components/site/ThemeToggle';
import { themeBootScript } from '@/components/site/theme';
import { basePath } from '@/lib/site';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Scaling Workbench', template: '%s · Scaling Workbench' },
  description:
    'Measure how a real-time messaging system grows from 1K to 10M concurrent users: real Postgres and validated simulations, in your browser.',
  icons: { icon: `${basePath}/favicon.svg` },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#15171c' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeBootScript }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header-inner">
            <Link href="/" className="site-logo">
              <span aria-hidden="true" className="site-logo-mark">
                ▲
              </span>{' '}
              <span className="site-logo-first">Scaling </span>Workbench
            </Link>
            <nav aria-label="Site" className="site-nav">
              <Link href="/">Journey</Link>
              {pages
                .filter((p) => !('nav' in p) || p.nav)
                .map((p) => (
                  <Link key={p.path} href={p.path}>
                    {p.navLabel}
                  </Link>
                ))}
            </nav>
            <ThemeToggle />
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            Scaling Workbench — every number on these pages is measured in your browser. Open
            source; static files that keep working offline after one visit.
          </p>
          <OfflineControl />
        </footer>
      </body>
    </html>
  );
}

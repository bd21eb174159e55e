import createMDX from '@next/mdx';

/**
 * BASE_PATH lets the static export live under a sub-path (e.g. BASE_PATH=/workbench for
 * https://example.org/workbench/). It must start with "/" and not end with one.
 */
const basePath = process.env.BASE_PATH ?? '';
if (basePath && !/^\/[^/](.*[^/])?$/.test(basePath)) {
  throw new Error(`BASE_PATH must look like "/workbench" (got "${basePath}")`);
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  trailingSlash: true,
  basePath: basePath || undefined,
  images: { unoptimized: true },
  pageExtensions: ['ts', 'tsx', 'md', 'mdx'],
  // Files in public/ are not prefixed by Next; code builds their URLs with lib/site.ts.
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole repo (tsc --noEmit) before it builds; checking again inside
  // `next build` costs ~4 s and would fail builds on unrelated work in progress.
  typescript: { ignoreBuildErrors: true },
};

// Turbopack needs plugin names as strings (serialisable options).
const withMDX = createMDX({ options: { remarkPlugins: [['remark-gfm', {}]] } });

export default withMDX(nextConfig);

/**
 * Where the static export is hosted. `BASE_PATH` is read at build time (see next.config.mjs) and
 * inlined as NEXT_PUBLIC_BASE_PATH, so code that builds URLs for files in public/ (which Next does
 * not prefix for us) works under a sub-path such as https://example.org/workbench/.
 */
export const basePath: string = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/** URL of a file in public/, e.g. assetUrl('/generated/pglite/nplus1.tar.gz'). */
export function assetUrl(path: string): string {
  return `${basePath}${path.startsWith('/') ? path : `/${path}`}`;
}

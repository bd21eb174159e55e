/**
 * The Content-Security-Policy every page carries in a <meta> tag (static hosting cannot be relied on
 * to send headers; see README "Deploying"). scripts/csp-hashes.mjs replaces the `'unsafe-inline'`
 * script source with the sha256 hashes of each exported page's inline scripts after the build, so
 * in out/ script-src allows only our own files plus those exact inline scripts.
 *
 * - 'wasm-unsafe-eval': PGlite compiles Postgres from WebAssembly (reference-numbers.md, "Web").
 * - style-src 'unsafe-inline': React style props, d3 and Monaco set inline styles.
 * - worker-src 'self' blob:: the query-lab and simulation workers, Monaco's editor worker.
 * - frame-ancestors, report-uri and sandbox are ignored in a meta tag: hosts should send them as
 *   headers (README).
 */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

export const cspContent = CSP_DIRECTIVES.join('; ');

/**
 * The Content-Security-Policy every exported page carries in a <meta> tag, inserted after the build
 * by scripts/csp-hashes.ts (static hosting cannot be relied on to send headers; see README
 * "Deploying"). `inlineScriptHashes` are the sha256 sources of that page's inline scripts.
 *
 * - 'wasm-unsafe-eval': PGlite compiles Postgres from WebAssembly (reference-numbers.md, "Web").
 * - style-src 'unsafe-inline': React style props, d3 and Monaco set inline styles.
 * - worker-src 'self' blob:: the query-lab and simulation workers, Monaco's editor worker.
 * - frame-ancestors, report-uri and sandbox are ignored in a meta tag: hosts should send them as
 *   headers (README).
 */
export function cspFor(inlineScriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScriptHashes, "'wasm-unsafe-eval'"].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' blob: data:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Names shared by the service worker (sw.ts), its build (scripts/build-sw.ts) and the page. No zod
 * here: this module is bundled into the service worker, which should stay small (~30 KB).
 *
 * Two kinds of files:
 * - the precache (app shell, every page and its RSC payloads, JS/CSS chunks): stored when the
 *   service worker installs;
 * - lab assets (PGlite's runtime, the data dirs, Monaco and PGlite's JS loader): too big to force
 *   on every visitor, so they are cached on first use, or all at once when the reader asks.
 */
export const OFFLINE_MANIFEST_FILE = 'offline.json';
export const SW_FILE = 'sw.js';

/** Cache Storage name of the lab assets (the precache is Serwist's own cache). */
export const LAB_CACHE = 'lab-assets-v1';

/**
 * The page fills the lab cache itself (so it can show progress and see quota errors); this header
 * tells the service worker to let such a request through to the network instead of caching it too.
 */
export const FILL_HEADER = 'x-offline-fill';

/** The message a page sends a waiting service worker to take over (then the page reloads). */
export const SKIP_WAITING = 'SKIP_WAITING';
/** The message a page sends to ask the active worker which build it serves. */
export const GET_BUILD_ID = 'GET_BUILD_ID';

/**
 * Lab assets are chosen by path and size. Measured on this export: every app chunk is ≤ 350 KB
 * raw, while PGlite's JS loader (714 KB) and Monaco (2.4 MB) are only needed by a lab.
 */
export const LAB_CHUNK_MIN_BYTES = 500_000;

export function isLabAssetPath(path: string, bytes: number): boolean {
  if (/^generated\/pglite\/.+\.tar\.gz$/.test(path)) return true;
  if (/^_next\/static\/media\/.+\.(wasm|data|ttf)$/.test(path)) return true;
  return /^_next\/static\/chunks\/.+\.js$/.test(path) && bytes >= LAB_CHUNK_MIN_BYTES;
}

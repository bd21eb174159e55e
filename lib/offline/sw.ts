/// <reference lib="webworker" />
/**
 * The service worker, bundled by scripts/build-sw.ts after `next build` (esbuild, then written to
 * out/sw.js: a fixed name, never content-hashed, so browsers can find the next version).
 *
 * - Precache (Serwist): the app shell, every page, its RSC payloads and the JS/CSS chunks, stored at
 *   install. Pages are served from it first, so every lesson opens offline after one visit.
 * - Lab assets (PGlite runtime, data dirs, Monaco): cache-first on first use; their URLs are content
 *   hashed, so a cached copy is never stale. Files no longer in this build are deleted on activate.
 * - Updates: a new sw.js installs next to the old one and waits (no skipWaiting): pages keep the
 *   version they started with until the reader clicks "New version — reload" (SKIP_WAITING), so one
 *   page never mixes two deploys' chunks.
 */
import {
  CacheFirst,
  CacheableResponsePlugin,
  Serwist,
  type PrecacheEntry,
  type RouteHandlerCallbackOptions,
} from 'serwist';
import { FILL_HEADER, GET_BUILD_ID, LAB_CACHE } from './assets';

declare const self: ServiceWorkerGlobalScope;
// Replaced by scripts/build-sw.ts (esbuild `define`).
declare const __PRECACHE_ENTRIES__: PrecacheEntry[];
declare const __LAB_ASSET_PATHS__: string[];
declare const __BUILD_ID__: string;

/** Absolute URLs of this build's lab assets (paths are relative to the worker's own folder). */
const labAssetUrls = new Set(__LAB_ASSET_PATHS__.map((p) => new URL(p, self.location.href).href));

/**
 * A worker script's global URL is its *response's* URL. Turbopack's worker bootstrap reads its chunk
 * list from `?params=…` in that URL, and a cached response carries the cache key's URL (no query):
 * the worker would fail with "Missing worker bootstrap config". A rebuilt Response has no URL, so
 * the browser uses the request's.
 */
const keepRequestUrlForWorkers = {
  handlerWillRespond: async ({ request, response }: { request: Request; response: Response }) =>
    request.destination === 'worker'
      ? new Response(response.body, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        })
      : response,
};

/**
 * Next's <Link> checks a route with a HEAD request before prefetching it; offline, answer from the
 * precached page (Serwist's precache route handles GET only).
 */
async function headFromPrecache({ request }: RouteHandlerCallbackOptions): Promise<Response> {
  const url = new URL(request.url);
  const path = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
  const cached = await serwist.matchPrecache(path);
  if (!cached) return fetch(request);
  return new Response(null, { status: cached.status, headers: cached.headers });
}

const serwist: Serwist = new Serwist({
  precacheEntries: __PRECACHE_ENTRIES__,
  precacheOptions: {
    cleanupOutdatedCaches: true,
    // Next's client router adds ?_rsc=<hash> to RSC payload requests; the file is the same.
    ignoreURLParametersMatching: [/^_rsc$/],
    directoryIndex: 'index.html',
    // A loaded 2-core laptop on workshop Wi-Fi: a few requests at a time keep the page responsive.
    concurrency: 4,
    plugins: [keepRequestUrlForWorkers],
  },
  skipWaiting: false,
  // On the very first install nothing else controls the page: take it now, so the lab assets the
  // reader loads on this first visit are already cached for later.
  clientsClaim: true,
  navigationPreload: false,
  disableDevLogs: true,
  runtimeCaching: [
    {
      method: 'HEAD',
      matcher: ({ url }) => url.origin === self.location.origin,
      handler: headFromPrecache,
    },
    {
      matcher: ({ request, url }) =>
        labAssetUrls.has(url.href) && !request.headers.has(FILL_HEADER),
      handler: new CacheFirst({
        cacheName: LAB_CACHE,
        matchOptions: { ignoreVary: true },
        plugins: [new CacheableResponsePlugin({ statuses: [200] })],
      }),
    },
  ],
});

// (Serwist itself handles SKIP_WAITING, which the page sends when the reader clicks reload.)
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data = event.data as { type?: unknown } | null;
  if (data?.type === GET_BUILD_ID) event.ports[0]?.postMessage({ buildId: __BUILD_ID__ });
});

// Drop lab assets of older builds (their hashed names are not in this build's list).
self.addEventListener('activate', (event: ExtendableEvent) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(LAB_CACHE);
      for (const request of await cache.keys()) {
        if (!labAssetUrls.has(request.url)) await cache.delete(request);
      }
    })(),
  );
});

serwist.addEventListeners();

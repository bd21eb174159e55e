/**
 * Page side of offline use, loaded lazily by OfflineControl (it carries zod for offline.json).
 * Registers the service worker (scope = the base path), reports whether pages and labs are stored,
 * fills the lab cache on request with byte progress, and offers a waiting new version.
 */
import {
  FILL_HEADER,
  GET_BUILD_ID,
  LAB_CACHE,
  OFFLINE_MANIFEST_FILE,
  SKIP_WAITING,
  SW_FILE,
} from '@/lib/offline/assets';
import { offlineManifestSchema, type OfflineManifest } from '@/lib/offline/manifest';

export type OfflineState =
  | { kind: 'checking' }
  | { kind: 'unavailable'; reason: string }
  /** The service worker is storing the pages (first visit). */
  | { kind: 'installing' }
  /** Pages work offline; `storedLabBytes` of the labs' `labBytes` are stored. */
  | { kind: 'pages'; labBytes: number; storedLabBytes: number; error?: string }
  | { kind: 'filling'; labBytes: number; doneBytes: number }
  | { kind: 'ready'; storedBytes: number };

export interface OfflineSnapshot {
  state: OfflineState;
  /** A new deploy is installed and waiting for the reader's reload. */
  updateReady: boolean;
  /** Build served by the active service worker. */
  buildId?: string;
}

type Listener = (s: OfflineSnapshot) => void;

let snapshot: OfflineSnapshot = { state: { kind: 'checking' }, updateReady: false };
const listeners = new Set<Listener>();
let started = false;
let manifest: OfflineManifest | undefined;
let registration: ServiceWorkerRegistration | undefined;
let basePath = '';
let reloadOnControllerChange = false;

function set(patch: Partial<OfflineSnapshot>): void {
  snapshot = { ...snapshot, ...patch };
  for (const l of listeners) l(snapshot);
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  listener(snapshot);
  return () => listeners.delete(listener);
}

const url = (path: string): string => `${basePath}/${path}`;
const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Idempotent: every mount of the control shares one registration and one state. */
export function startOffline(sitePath: string): void {
  if (started) return;
  started = true;
  basePath = sitePath;
  void start().catch((err: unknown) =>
    set({ state: { kind: 'unavailable', reason: `Offline use failed to start: ${message(err)}` } }),
  );
}

async function start(): Promise<void> {
  if (!('serviceWorker' in navigator) || typeof caches === 'undefined') {
    return set({
      state: {
        kind: 'unavailable',
        reason:
          'This browser does not allow offline storage here (private browsing, or service workers are turned off). Everything still works online.',
      },
    });
  }
  try {
    const res = await fetch(url(OFFLINE_MANIFEST_FILE), { cache: 'no-cache' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    manifest = offlineManifestSchema.parse(await res.json());
  } catch (err) {
    return set({
      state: {
        kind: 'unavailable',
        reason: `Offline files are missing from this deploy (${OFFLINE_MANIFEST_FILE}: ${message(err)}).`,
      },
    });
  }
  try {
    registration = await navigator.serviceWorker.register(url(SW_FILE), {
      scope: `${basePath}/`,
      updateViaCache: 'none',
    });
  } catch (err) {
    return set({
      state: {
        kind: 'unavailable',
        reason: `The browser refused offline storage (${message(err)}). Everything still works online.`,
      },
    });
  }
  watchUpdates(registration);
  if (!registration.active) {
    set({ state: { kind: 'installing' } });
    const failed = await installFailed(registration);
    if (failed) {
      return set({
        state: {
          kind: 'unavailable',
          reason:
            'The pages could not be stored for offline use (storage full or blocked). Everything still works online.',
        },
      });
    }
  }
  const active = (await navigator.serviceWorker.ready).active;
  // Not awaited: a worker from an older deploy may not answer.
  if (active) void askBuildId(active).then((buildId) => set({ buildId }));
  await refreshLabState();
}

/** Resolves true if the installing worker becomes redundant (precache failed, e.g. quota). */
function installFailed(reg: ServiceWorkerRegistration): Promise<boolean> {
  return new Promise((resolve) => {
    const worker = reg.installing ?? reg.waiting;
    if (!worker) return resolve(false);
    const check = () => {
      if (worker.state === 'redundant') resolve(true);
      else if (worker.state === 'activated' || worker.state === 'activating') resolve(false);
    };
    worker.addEventListener('statechange', check);
    check();
  });
}

function watchUpdates(reg: ServiceWorkerRegistration): void {
  // A worker that installs while another controls the page is a new deploy.
  const consider = (worker: ServiceWorker | null) => {
    if (!worker) return;
    const check = () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) {
        set({ updateReady: true });
      }
    };
    worker.addEventListener('statechange', check);
    check();
  };
  consider(reg.waiting);
  reg.addEventListener('updatefound', () => consider(reg.installing));
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install also claims the page; only the reader's "reload" reloads.
    if (reloadOnControllerChange) window.location.reload();
  });
  // Browsers check for a new sw.js on navigation; a tab left open checks when shown again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void reg.update().catch(() => undefined);
  });
}

/** Hands over to the waiting version, then reloads once it controls the page. */
export function applyUpdate(): void {
  const waiting = registration?.waiting;
  if (!waiting) return window.location.reload();
  reloadOnControllerChange = true;
  waiting.postMessage({ type: SKIP_WAITING });
}

/** Checks for a new deploy now (the page also checks on navigation and when shown). */
export async function checkForUpdate(): Promise<void> {
  await registration?.update();
}

function askBuildId(worker: ServiceWorker): Promise<string | undefined> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e: MessageEvent<{ buildId?: unknown }>) =>
      resolve(typeof e.data?.buildId === 'string' ? e.data.buildId : undefined);
    worker.postMessage({ type: GET_BUILD_ID }, [channel.port2]);
  });
}

const labTotal = (m: OfflineManifest): number => m.labAssets.reduce((s, a) => s + a.bytes, 0);

async function storedLabBytes(m: OfflineManifest): Promise<number> {
  const cache = await caches.open(LAB_CACHE);
  let stored = 0;
  for (const a of m.labAssets) {
    if (await cache.match(url(a.path), { ignoreVary: true })) stored += a.bytes;
  }
  return stored;
}

/** Re-reads what is stored (labs cached on first use count too). */
export async function refreshLabState(error?: string): Promise<void> {
  if (!manifest) return;
  const labBytes = labTotal(manifest);
  const stored = await storedLabBytes(manifest);
  if (stored === labBytes && !error) {
    set({ state: { kind: 'ready', storedBytes: labBytes + manifest.precache.bytes } });
  } else {
    set({ state: { kind: 'pages', labBytes, storedLabBytes: stored, error } });
  }
}

/** Total the "Make available offline" button offers (lab assets not stored yet + stored ones). */
export function offlineTotalBytes(): number {
  return manifest ? labTotal(manifest) + manifest.precache.bytes : 0;
}

/**
 * Downloads every lab asset into the lab cache, with byte progress. The page does the fetching
 * (not the worker) so it can count bytes and see a full disk (QuotaExceededError) and say so.
 */
export async function makeAvailableOffline(): Promise<void> {
  const m = manifest;
  if (!m || snapshot.state.kind === 'filling') return;
  const labBytes = labTotal(m);
  let done = 0;
  set({ state: { kind: 'filling', labBytes, doneBytes: 0 } });
  try {
    // Ask the browser not to evict the stored files under storage pressure (best effort).
    await navigator.storage?.persist?.().catch(() => false);
    const cache = await caches.open(LAB_CACHE);
    for (const asset of m.labAssets) {
      const u = url(asset.path);
      if (await cache.match(u, { ignoreVary: true })) {
        done += asset.bytes;
        set({ state: { kind: 'filling', labBytes, doneBytes: done } });
        continue;
      }
      const res = await fetch(u, { headers: { [FILL_HEADER]: '1' } });
      if (!res.ok || !res.body) throw new Error(`${asset.path}: HTTP ${res.status}`);
      const chunks: Uint8Array[] = [];
      const reader = res.body.getReader();
      for (;;) {
        const { done: end, value } = await reader.read();
        if (end) break;
        chunks.push(value);
        done += value.byteLength;
        set({ state: { kind: 'filling', labBytes, doneBytes: Math.min(done, labBytes) } });
      }
      const headers = {
        'content-type': res.headers.get('content-type') ?? 'application/octet-stream',
      };
      await cache.put(u, new Response(new Blob(chunks as BlobPart[]), { status: 200, headers }));
    }
    await refreshLabState();
  } catch (err) {
    const quota = err instanceof DOMException && err.name === 'QuotaExceededError';
    const reason = quota
      ? `Not enough storage for the labs (${await quotaText()}).`
      : `Download stopped: ${message(err)}.`;
    await refreshLabState(`${reason} The pages still work offline; try again when online.`);
  }
}

async function quotaText(): Promise<string> {
  const est = await navigator.storage?.estimate?.().catch(() => undefined);
  if (!est?.quota) return 'the browser gave no quota';
  return `${((est.usage ?? 0) / 1e6).toFixed(0)} of ${(est.quota / 1e6).toFixed(0)} MB used`;
}

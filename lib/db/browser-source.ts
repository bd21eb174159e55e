import type { DatasetId } from './datasets';
import { QueryLabError } from './errors';
import { manifestSchema, type Manifest } from './manifest';
import { gunzipIfNeeded, type PgliteSource } from './open';
import type { LoadPhase } from './protocol';

/**
 * Worker-side loader: manifest → the four files (pglite.wasm, initdb.wasm, pglite.data, the data dir)
 * in parallel → our own WebAssembly.compile. Compiling from bytes works whatever MIME type the host
 * sends (stack-facts.md: with application/octet-stream PGlite's own streaming loader hangs forever),
 * and every fetch has a timeout and a size check, so a missing or rewritten asset (a host answering
 * 200 with an HTML page) becomes a clear error instead of a hang.
 */
export interface BrowserSourceOptions {
  dataset: DatasetId;
  manifestUrl: string;
  fetchTimeoutMs: number;
  onProgress?: (phase: LoadPhase, detail?: string) => void;
}

/** fetch with a timeout covering the whole body; `read` consumes the response within it. */
async function fetchWithin<T>(
  url: string,
  timeoutMs: number,
  read: (res: Response) => Promise<T>,
): Promise<T> {
  // The signal also aborts reading the body, so a stalled download ends at the deadline too.
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, { signal });
    if (!res.ok)
      throw new QueryLabError('load-failed', `Could not load ${url}: HTTP ${res.status}.`);
    return await read(res);
  } catch (err) {
    if (err instanceof QueryLabError) throw err;
    const reason = signal.aborted ? `no answer within ${timeoutMs / 1000} s` : String(err);
    throw new QueryLabError('load-failed', `Could not load ${url}: ${reason}.`);
  }
}

function checkSize(url: string, bytes: Uint8Array, expected: number, alt?: number): Uint8Array {
  if (bytes.byteLength !== expected && bytes.byteLength !== alt) {
    throw new QueryLabError(
      'load-failed',
      `${url} is ${bytes.byteLength} bytes, expected ${expected}: wrong path or a host rewrite (e.g. an HTML fallback page).`,
    );
  }
  return bytes;
}

const fetchBytes = (url: string, timeoutMs: number): Promise<Uint8Array> =>
  fetchWithin(url, timeoutMs, async (res) => new Uint8Array(await res.arrayBuffer()));

const fetchChecked = async (
  url: string,
  expected: number,
  timeoutMs: number,
  alt?: number,
): Promise<Uint8Array> => checkSize(url, await fetchBytes(url, timeoutMs), expected, alt);

/**
 * Served as application/wasm: compile while downloading (compileStreaming). Any other MIME type
 * (where PGlite's own loader would hang): read the bytes, check their size, compile them.
 */
function fetchWasm(
  url: string,
  expected: number,
  timeoutMs: number,
  name: string,
): Promise<WebAssembly.Module> {
  return fetchWithin(url, timeoutMs, async (res) => {
    const type = res.headers.get('content-type') ?? '';
    try {
      if (
        type.startsWith('application/wasm') &&
        typeof WebAssembly.compileStreaming === 'function'
      ) {
        return await WebAssembly.compileStreaming(res);
      }
      const bytes = checkSize(url, new Uint8Array(await res.arrayBuffer()), expected);
      return await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
    } catch (err) {
      if (err instanceof QueryLabError) throw err;
      throw new QueryLabError(
        'load-failed',
        `Could not compile ${name} from ${url}: ${String(err)}`,
      );
    }
  });
}

/**
 * PGlite's runtime files as the bundler emits them (content-hashed under _next/static/media, base
 * path included). PGlite's own code references the very same files, so they are emitted once; we
 * fetch and compile them ourselves and hand PGlite the modules, so its MIME-sensitive loader never
 * runs. (Literal `new URL(…, import.meta.url)` expressions: that is what bundlers recognise.)
 */
function runtimeUrls(): { pgliteWasm: string; initdbWasm: string; pgliteData: string } {
  return {
    pgliteWasm: new URL('../../node_modules/@electric-sql/pglite/dist/pglite.wasm', import.meta.url)
      .href,
    initdbWasm: new URL('../../node_modules/@electric-sql/pglite/dist/initdb.wasm', import.meta.url)
      .href,
    pgliteData: new URL('../../node_modules/@electric-sql/pglite/dist/pglite.data', import.meta.url)
      .href,
  };
}

export async function loadBrowserSource(
  opts: BrowserSourceOptions,
): Promise<{ source: PgliteSource; manifest: Manifest }> {
  opts.onProgress?.('manifest');
  const raw = await fetchBytes(opts.manifestUrl, opts.fetchTimeoutMs);
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(new TextDecoder().decode(raw)));
  } catch {
    throw new QueryLabError(
      'load-failed',
      `${opts.manifestUrl} is not a query-lab manifest (run npm run prebuild).`,
    );
  }
  const base = opts.manifestUrl;
  const entry = manifest.datasets[opts.dataset];
  opts.onProgress?.(
    'download',
    `${((manifest.runtime.pgliteWasm.bytes + manifest.runtime.pgliteData.bytes + entry.bytes) / 1e6).toFixed(1)} MB`,
  );
  const t = opts.fetchTimeoutMs;
  const urls = runtimeUrls();
  const rt = manifest.runtime;
  // Each file is processed as soon as it arrives: compiling pglite.wasm overlaps the other downloads
  // and the data dir's gunzip.
  const [pgliteWasmModule, initdbWasmModule, fsBundle, tar] = await Promise.all([
    fetchWasm(urls.pgliteWasm, rt.pgliteWasm.bytes, t, 'pglite.wasm').then((m) => {
      opts.onProgress?.('compile');
      return m;
    }),
    // initdb never runs (the data dir is prebuilt), but without a module PGlite would fetch it itself.
    fetchWasm(urls.initdbWasm, rt.initdbWasm.bytes, t, 'initdb.wasm'),
    fetchChecked(urls.pgliteData, rt.pgliteData.bytes, t),
    // A host may serve .tar.gz with Content-Encoding: gzip; fetch then hands us the inflated tar.
    fetchChecked(new URL(entry.file, base).href, entry.bytes, t, entry.tarBytes).then(
      gunzipIfNeeded,
    ),
  ]);
  const fsBuffer =
    fsBundle.byteOffset === 0 && fsBundle.byteLength === fsBundle.buffer.byteLength
      ? (fsBundle.buffer as ArrayBuffer)
      : (fsBundle.slice().buffer as ArrayBuffer);
  return { source: { tar, pgliteWasmModule, initdbWasmModule, fsBundle: fsBuffer }, manifest };
}

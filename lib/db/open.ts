import { PGlite } from '@electric-sql/pglite';

/**
 * Everything needed to start PGlite from a prebuilt data dir without touching the network again:
 * the UNCOMPRESSED tar (decompressed once, so every reset skips gunzip) and, optionally, the compiled
 * wasm modules and the runtime file-system bundle. In the browser all three optional parts are given
 * (fetched + compiled by us, which works under any .wasm MIME type; stack-facts.md: a wrong MIME type
 * makes PGlite's own loader hang forever). In Node, PGlite reads its own files from node_modules.
 */
export interface PgliteSource {
  tar: ArrayBuffer;
  pgliteWasmModule?: WebAssembly.Module;
  initdbWasmModule?: WebAssembly.Module;
  fsBundle?: ArrayBuffer;
}

/**
 * PGlite only calls `.type` and `.arrayBuffer()` on `loadDataDir` / `fsBundle` (checked in 0.5.17's
 * loader). Handing it our cached ArrayBuffer directly avoids a 50 MB Blob copy per (re)load (Node's
 * Blob.arrayBuffer() concatenates chunk by chunk: ~100 ms per reset measured). PGlite copies the
 * bytes into its in-memory FS and never writes to the buffer (verified by hashing it after a load
 * and a DROP TABLE), so one buffer serves every reset.
 */
function blobLike(buf: ArrayBuffer, type: string): Blob {
  return { type, size: buf.byteLength, arrayBuffer: async () => buf } as unknown as Blob;
}

export async function openPglite(
  source: PgliteSource,
  opts: { startParams?: readonly string[] } = {},
): Promise<PGlite> {
  // Only the worker and Node import this module; the page-side client never does (PGlite's ~390 KB
  // loader stays out of first-load JS).
  return PGlite.create({
    startParams: opts.startParams ? [...PGlite.defaultStartParams, ...opts.startParams] : undefined,
    loadDataDir: blobLike(source.tar, 'application/x-tar'),
    pgliteWasmModule: source.pgliteWasmModule,
    initdbWasmModule: source.initdbWasmModule,
    fsBundle: source.fsBundle ? blobLike(source.fsBundle, 'application/octet-stream') : undefined,
  });
}

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;

/**
 * gunzip with the standard DecompressionStream (browsers, workers and Node ≥ 18 alike). If the bytes
 * are not gzip (a host that sent the .tar.gz with Content-Encoding: gzip, so fetch already inflated
 * it), they are returned as they are.
 */
export async function gunzipIfNeeded(bytes: Uint8Array): Promise<ArrayBuffer> {
  if (bytes[0] !== GZIP_MAGIC_0 || bytes[1] !== GZIP_MAGIC_1) return toArrayBuffer(bytes);
  const stream = new Blob([toArrayBuffer(bytes)])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  if (
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer
  ) {
    return bytes.buffer;
  }
  return bytes.slice().buffer as ArrayBuffer;
}

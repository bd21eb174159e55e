/**
 * Node-only (CLI, tests, bench): the same PgliteSource the browser worker builds, read from
 * public/generated/pglite/. Builds the data dirs first when they are missing or stale, so
 * `npm run querylab` works on a fresh clone. Build progress goes to stderr (stdout is the CLI's).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildPgliteData, OUT_DIR, PGLITE_DIST } from './build-data';
import type { DatasetId } from '../datasets';
import type { Manifest } from '../manifest';
import type { PgliteSource } from '../open';

let manifestPromise: Promise<Manifest> | undefined;

export function ensureManifest(): Promise<Manifest> {
  manifestPromise ??= buildPgliteData({ log: (line) => process.stderr.write(`${line}\n`) });
  return manifestPromise;
}

const read = (file: string): Uint8Array => new Uint8Array(readFileSync(join(OUT_DIR, file)));
/** PGlite's runtime files, straight from the package (the manifest records their sizes). */
const readRuntime = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(join(PGLITE_DIST, file)));
const own = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer as ArrayBuffer;

export interface NodeSource extends PgliteSource {
  manifest: Manifest;
  /** Time to read + gunzip the data dir and compile the wasm, ms. */
  prepareMs: number;
}

export async function loadNodeSource(dataset: DatasetId): Promise<NodeSource> {
  const manifest = await ensureManifest();
  const t0 = performance.now();
  const entry = manifest.datasets[dataset];
  const tar = own(gunzipSync(read(entry.file)));
  const pgliteWasmModule = await WebAssembly.compile(
    own(readRuntime(manifest.runtime.pgliteWasm.file)),
  );
  const fsBundle = own(readRuntime(manifest.runtime.pgliteData.file));
  return { tar, pgliteWasmModule, fsBundle, manifest, prepareMs: performance.now() - t0 };
}

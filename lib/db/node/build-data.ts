/**
 * Builds the query lab's data directories with PGlite in Node: initdb + schema + deterministic seed +
 * indexes + VACUUM ANALYZE, trimmed, then `dumpDataDir('gzip')`. Writes content-hashed files and
 * manifest.json under public/generated/pglite/. Idempotent: skips when the input hash is unchanged.
 *
 * Trimming (measured on PGlite 0.5.17, empty cluster): the raw dump is 4.5 MB gzip, of which
 * template0 and template1 are ~1.0 MB each (nobody runs CREATE DATABASE in a lab, so they are dropped)
 * and the 16 MB WAL segment left by initdb is ~1.5 MB (with wal_recycle=off, CHECKPOINT +
 * pg_switch_wal + CHECKPOINT leave one fresh, zero-filled segment: ~16 KB gzip).
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { DATASETS, type DatasetId, type DatasetSpec } from '../datasets';
import { manifestSchema, type DatasetEntry, type Manifest, type ManifestFile } from '../manifest';
import { COPY_COLUMNS, SCHEMA_SQL, TABLES } from '../schema';
import { generateSeed } from '../seed/generate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const OUT_DIR = join(ROOT, 'public/generated/pglite');
export const PGLITE_DIST = join(ROOT, 'node_modules/@electric-sql/pglite/dist');

/** Everything that determines the output; editing any of these triggers a rebuild. */
const INPUT_FILES = [
  'lib/db/schema.ts',
  'lib/db/datasets.ts',
  'lib/db/manifest.ts',
  'lib/db/seed/generate.ts',
  'lib/db/seed/prng.ts',
  'lib/db/seed/words.ts',
  'lib/db/node/build-data.ts',
  'node_modules/@electric-sql/pglite/package.json',
];

type Log = (line: string) => void;

export function computeInputHash(): string {
  const h = createHash('sha256');
  for (const f of INPUT_FILES) h.update(f).update(readFileSync(join(ROOT, f)));
  return h.digest('hex');
}

/** Write to a temp name, then rename (atomic): a concurrent reader never sees half a file. */
function writeAtomic(path: string, data: Uint8Array | string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

const LOCK_DIR = `${OUT_DIR}.lock`;
/** A build takes ~30–60 s; a lock older than this was left by a killed process. */
const STALE_LOCK_MS = 10 * 60_000;

/**
 * Cross-process lock (mkdir is atomic): parallel test files, the CLI and prebuild may all find the
 * data missing at once; one builds, the others wait and then reuse its output.
 */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(LOCK_DIR), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      const age = Date.now() - (existsSync(LOCK_DIR) ? statSync(LOCK_DIR).mtimeMs : Date.now());
      if (age > STALE_LOCK_MS) rmSync(LOCK_DIR, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function writeHashed(base: string, ext: string, bytes: Uint8Array): ManifestFile {
  const digest = sha256(bytes);
  const file = `${base}-${digest.slice(0, 12)}.${ext}`;
  const path = join(OUT_DIR, file);
  if (!existsSync(path)) writeAtomic(path, bytes);
  return { file, bytes: bytes.byteLength, sha256: digest };
}

async function buildDataset(spec: DatasetSpec, log: Log): Promise<DatasetEntry> {
  const t0 = performance.now();
  const seed = generateSeed(spec);
  const pg = await PGlite.create({
    startParams: [...PGlite.defaultStartParams, '-c', 'wal_recycle=off'],
  });
  try {
    for (const db of ['template0', 'template1']) {
      await pg.exec(`ALTER DATABASE ${db} IS_TEMPLATE false`);
      await pg.exec(`DROP DATABASE ${db}`);
    }
    await pg.exec(SCHEMA_SQL);
    for (const table of TABLES) {
      await pg.query(
        `COPY ${table} (${COPY_COLUMNS[table]}) FROM '/dev/blob' WITH (FORMAT csv)`,
        [],
        {
          blob: new Blob([seed[table]]),
        },
      );
    }
    for (const sql of spec.indexes) await pg.exec(sql);
    await pg.exec(
      `SELECT setval(pg_get_serial_sequence('messages', 'id'), (SELECT max(id) FROM messages))`,
    );
    // VACUUM sets the visibility map (index-only scans work as in a settled production table);
    // ANALYZE gives the planner real statistics, so EXPLAIN shows the plans a real server would pick.
    await pg.exec('VACUUM ANALYZE');
    await pg.exec('CHECKPOINT');
    await pg.exec('SELECT pg_switch_wal()');
    await pg.exec('CHECKPOINT');
    const gz = new Uint8Array(await (await pg.dumpDataDir('gzip')).arrayBuffer());
    const tar = gunzipSync(gz);
    const out = writeHashed(spec.id, 'tar.gz', gz);
    const buildMs = Math.round(performance.now() - t0);
    log(
      `  ${spec.id}: ${seed.counts.messages} messages, ${(gz.byteLength / 1e6).toFixed(2)} MB gzip (${(tar.byteLength / 1e6).toFixed(1)} MB tar), ${buildMs} ms`,
    );
    return { ...out, ...seed.counts, tarBytes: tar.byteLength, buildMs };
  } finally {
    await pg.close();
  }
}

/**
 * PGlite's own runtime files are NOT copied: the browser fetches the copies the bundler emits for
 * PGlite anyway (lib/db/browser-source.ts). The manifest records their sizes for the loader's check.
 */
function describeRuntime(name: string): ManifestFile {
  const bytes = new Uint8Array(readFileSync(join(PGLITE_DIST, name)));
  return { file: name, bytes: bytes.byteLength, sha256: sha256(bytes) };
}

export function readManifest(): Manifest | undefined {
  const path = join(OUT_DIR, 'manifest.json');
  if (!existsSync(path)) return undefined;
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

function isUpToDate(m: Manifest | undefined, inputHash: string): m is Manifest {
  if (!m || m.inputHash !== inputHash) return false;
  return Object.values(m.datasets).every((f) => existsSync(join(OUT_DIR, f.file)));
}

/** Builds (or reuses) the data dirs; returns the manifest. `force` rebuilds even if up to date. */
export async function buildPgliteData(
  opts: { force?: boolean; log?: Log } = {},
): Promise<Manifest> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const inputHash = computeInputHash();
  const existing = readManifest();
  if (!opts.force && isUpToDate(existing, inputHash)) {
    log('pglite data: up to date (inputs unchanged)');
    return existing;
  }
  return withBuildLock(async () => {
    const again = readManifest();
    if (!opts.force && isUpToDate(again, inputHash)) {
      log('pglite data: up to date (built by a concurrent process)');
      return again;
    }
    return build(inputHash, log);
  });
}

async function build(inputHash: string, log: Log): Promise<Manifest> {
  const t0 = performance.now();
  log('pglite data: building data dirs…');
  mkdirSync(OUT_DIR, { recursive: true });
  const datasets = {} as Record<DatasetId, DatasetEntry>;
  for (const id of Object.keys(DATASETS) as DatasetId[])
    datasets[id] = await buildDataset(DATASETS[id], log);
  const pkg = JSON.parse(readFileSync(join(PGLITE_DIST, '../package.json'), 'utf8')) as {
    version: string;
  };
  const manifest: Manifest = manifestSchema.parse({
    version: 1,
    pgliteVersion: pkg.version,
    inputHash,
    runtime: {
      pgliteWasm: describeRuntime('pglite.wasm'),
      initdbWasm: describeRuntime('initdb.wasm'),
      pgliteData: describeRuntime('pglite.data'),
    },
    datasets,
  });
  const keep = new Set(['manifest.json', ...Object.values(manifest.datasets).map((f) => f.file)]);
  for (const f of readdirSync(OUT_DIR)) if (!keep.has(f)) rmSync(join(OUT_DIR, f), { force: true });
  writeAtomic(join(OUT_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`pglite data: done in ${Math.round(performance.now() - t0)} ms`);
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildPgliteData({ force: process.argv.includes('--force') }).catch((err: unknown) => {
    process.stderr.write(`pglite data: build failed: ${String(err)}\n`);
    process.exit(1);
  });
}

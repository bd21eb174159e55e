// Post-build: the service worker for offline use (lib/offline/sw.ts), run after `next build` and
// csp-hashes.ts (which rewrites the HTML; the precache revisions must hash the final files).
// Serwist's getManifest lists and revisions the precache; esbuild bundles the worker with that list
// inlined; out/offline.json tells the page the lab assets and their sizes.
// Usage: tsx scripts/build-sw.ts out
import { createHash } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getManifest } from '@serwist/build';
import { build } from 'esbuild';
import { OFFLINE_MANIFEST_FILE, SW_FILE, isLabAssetPath } from '../lib/offline/assets';
import { offlineManifestSchema, type OfflineManifest } from '../lib/offline/manifest';

const out = path.resolve(process.argv[2] ?? 'out');
const BUILD_ID_PLACEHOLDER = '__SW_BUILD_ID__';

async function main(): Promise<void> {
  const labAssets: OfflineManifest['labAssets'] = [];
  const { manifestEntries, warnings } = await getManifest({
    globDirectory: out,
    globPatterns: ['**/*'],
    globIgnores: [
      SW_FILE,
      // Its content is this build's id: precached below with that id as its revision.
      OFFLINE_MANIFEST_FILE,
      // Source copies Turbopack emits next to the bundled workers, and source maps: never fetched.
      '_next/static/media/*.ts',
      '**/*.map',
    ],
    // Pages are a few hundred KB at most; this only keeps a future mistake from precaching a data dir.
    maximumFileSizeToCacheInBytes: 50 * 1024 * 1024,
    // Hashed by the bundler: the URL is the revision.
    dontCacheBustURLsMatching: /^_next\/static\//,
    manifestTransforms: [
      (entries) => {
        const manifest = entries.filter((e) => {
          if (!isLabAssetPath(e.url, e.size)) return true;
          labAssets.push({ path: e.url, bytes: e.size });
          return false;
        });
        return { manifest, warnings: [] };
      },
    ],
  });
  for (const w of warnings) console.warn(`build-sw: ${w}`);
  const entries = manifestEntries ?? [];
  entries.push({ url: OFFLINE_MANIFEST_FILE, revision: BUILD_ID_PLACEHOLDER });
  const bundle = await build({
    entryPoints: [path.resolve('lib/offline/sw.ts')],
    write: false,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    define: {
      __PRECACHE_ENTRIES__: JSON.stringify(entries),
      __LAB_ASSET_PATHS__: JSON.stringify(labAssets.map((a) => a.path)),
      __BUILD_ID__: JSON.stringify(BUILD_ID_PLACEHOLDER),
      'process.env.NODE_ENV': '"production"',
    },
  });
  // The build id hashes the whole worker (its code and every precache revision and lab path), so
  // any change to the site or to the worker makes a new sw.js that browsers install as an update.
  const code = bundle.outputFiles[0].text;
  const buildId = createHash('sha256').update(code).digest('hex').slice(0, 16);
  writeFileSync(path.join(out, SW_FILE), code.replaceAll(BUILD_ID_PLACEHOLDER, buildId));
  const manifest = offlineManifestSchema.parse({
    version: 1,
    buildId,
    precache: {
      files: entries.length,
      bytes: entries.reduce((s, e) => s + fileBytes(e.url), 0),
    },
    labAssets,
  } satisfies OfflineManifest);

  writeFileSync(path.join(out, OFFLINE_MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
  console.log(
    `build-sw: ${manifest.precache.files} files precached (${mb(manifest.precache.bytes)}), ` +
      `${labAssets.length} lab assets on demand (${mb(sum(labAssets))}), build ${buildId}`,
  );
}

/** Size on disk; offline.json is written after this count (~1 KB). */
const fileBytes = (url: string): number => {
  try {
    return statSync(path.join(out, url)).size;
  } catch {
    return 0;
  }
};
const sum = (assets: { bytes: number }[]): number => assets.reduce((s, a) => s + a.bytes, 0);
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

main().catch((err: unknown) => {
  console.error(`build-sw failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
  process.exit(1);
});

import { z } from 'zod/mini';

/**
 * What the service worker build (scripts/build-sw.ts) tells the page about offline use, written to
 * `offline.json` next to `sw.js`. The page reads it (untrusted: a host may serve anything) to offer
 * "Make available offline (≈ N MB)". Paths are relative to the site root, as in `out/`.
 */
export const offlineManifestSchema = z.strictObject({
  version: z.literal(1),
  /** Changes whenever any precached or lab file changes: identifies a deploy. */
  buildId: z.string().check(z.regex(/^[0-9a-f]{8,64}$/)),
  precache: z.strictObject({ files: z.int(), bytes: z.int() }),
  labAssets: z.array(z.strictObject({ path: z.string(), bytes: z.int().check(z.positive()) })),
});
export type OfflineManifest = z.infer<typeof offlineManifestSchema>;

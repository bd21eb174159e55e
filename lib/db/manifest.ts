import { z } from 'zod';

/**
 * public/generated/pglite/manifest.json: written by lib/db/node/build-data.ts, read by the browser
 * worker (fetched next to the assets, so no generated TypeScript is needed for typecheck on a fresh
 * clone) and by the Node loader. File names are content-hashed (public/ is not hashed by Next, see
 * stack-facts.md), so they can be cached forever; only the manifest itself must be revalidated.
 */
export const MANIFEST_DIR = '/generated/pglite';
export const MANIFEST_PATH = `${MANIFEST_DIR}/manifest.json`;

const fileSchema = z.object({
  file: z.string().regex(/^[\w.-]+$/),
  bytes: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const datasetEntrySchema = fileSchema.extend({
  users: z.number().int().positive(),
  channels: z.number().int().positive(),
  memberships: z.number().int().positive(),
  messages: z.number().int().positive(),
  /** Uncompressed tar size: what PGlite copies into its in-memory file system on every (re)load. */
  tarBytes: z.number().int().positive(),
  buildMs: z.number().nonnegative(),
});

export const manifestSchema = z.object({
  version: z.literal(1),
  pgliteVersion: z.string(),
  /** sha256 over everything that determines the data dirs (see build-data.ts inputHash). */
  inputHash: z.string(),
  /**
   * PGlite's runtime files (names as in the package): not copied to public/, the browser fetches the
   * copies the bundler emits for PGlite (browser-source.ts); sizes let the loader detect bad answers.
   */
  runtime: z.object({ pgliteWasm: fileSchema, initdbWasm: fileSchema, pgliteData: fileSchema }),
  datasets: z.object({
    app: datasetEntrySchema,
    indexing: datasetEntrySchema,
    consistency: datasetEntrySchema,
  }),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type DatasetEntry = z.infer<typeof datasetEntrySchema>;
export type ManifestFile = z.infer<typeof fileSchema>;

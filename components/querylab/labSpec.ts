/**
 * What a lesson writes, e.g. `<QueryLab lab="n-plus-one" />`: declarative props only. Plain types
 * here (imported by client code); the zod schema that checks them at build time is in
 * labSpecSchema.ts, which only the server component imports (zod stays out of first-load JS).
 */
export type RttMs = 0 | 0.5 | 2;

export type NPlusOneSpec = { lab: 'n-plus-one'; users?: number; rttMs?: RttMs };
export type ScalingSpec = { lab: 'n-plus-one-scaling'; rttMs?: RttMs };
export type IndexingPart = 'lookup' | 'low-selectivity' | 'write-cost';
export type IndexingSpec = { lab: 'indexing'; part: IndexingPart };
export type CachingSpec = { lab: 'caching'; ttlMs?: number; rttMs?: RttMs };
export type MeasureSpec = { lab: 'measure'; rttMs?: RttMs };
export type SqlSpec = {
  lab: 'sql';
  dataset: 'app' | 'indexing';
  /** The statement(s) the box starts with. */
  sql: string;
  /** Offer "Explain" (EXPLAIN ANALYZE drawn as a plan tree) next to "Run". */
  explain?: boolean;
  /** Short caption above the box. */
  title?: string;
};

/** `<ConsistencyLab lab="…" />` (components/consistency/): one of lib/db's consistency labs. */
export type ConsistencySpec = {
  lab: 'consistency';
  experiment: 'replica-lag' | 'idempotency' | 'lost-update' | 'outbox' | 'shards';
  strategy?: string;
  lagMs?: 0 | 100 | 1000;
  windowMs?: number;
  shards?: number;
};

export type LabSpec =
  NPlusOneSpec | ScalingSpec | IndexingSpec | CachingSpec | MeasureSpec | SqlSpec | ConsistencySpec;

export type LabKind = LabSpec['lab'];

/** Which prebuilt data dir each lab uses (lib/db/datasets.ts LAB_DATASET). */
export function datasetOf(spec: LabSpec): 'app' | 'indexing' | 'consistency' {
  if (spec.lab === 'indexing') return 'indexing';
  if (spec.lab === 'consistency') return 'consistency';
  if (spec.lab === 'sql') return spec.dataset;
  return 'app';
}

/** Round-trip presets, ms: in-process, same availability zone, cross zone (lib/db/querylog.ts). */
export const RTT_CHOICES: readonly RttMs[] = [0, 0.5, 2];
export const DEFAULT_RTT: RttMs = 0.5;

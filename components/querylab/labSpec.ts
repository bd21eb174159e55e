import type { z } from 'zod';
import type { labSpecSchema } from './labSpecSchema';

/**
 * What a lesson writes, e.g. `<QueryLab lab="n-plus-one" />`: declarative props only. The types are
 * inferred from the zod schema in labSpecSchema.ts through type-only imports, so client code that
 * imports them ships no zod; only the server component imports the schema itself.
 */
type QueryLabSpec = z.infer<typeof labSpecSchema>;
type Spec<K extends QueryLabSpec['lab']> = Extract<QueryLabSpec, { lab: K }>;

export type NPlusOneSpec = Spec<'n-plus-one'>;
export type ScalingSpec = Spec<'n-plus-one-scaling'>;
export type IndexingSpec = Spec<'indexing'>;
export type IndexingPart = IndexingSpec['part'];
export type CachingSpec = Spec<'caching'>;
export type StampedeSpec = Spec<'stampede'>;
export type ChallengeSpec = Spec<'challenge'>;
export type MeasureSpec = Spec<'measure'>;
export type SqlSpec = Spec<'sql'>;
export type RttMs = NonNullable<NPlusOneSpec['rttMs']>;

/** `<ConsistencyLab lab="…" />` (components/consistency/): one of lib/db's consistency labs. */
export type ConsistencySpec = {
  lab: 'consistency';
  experiment: 'replica-lag' | 'idempotency' | 'lost-update' | 'outbox' | 'shards';
  strategy?: string;
  lagMs?: 0 | 100 | 1000;
  windowMs?: number;
  shards?: number;
};

/** Every lab a lesson can mount: the query labs (schema above) and the consistency labs. */
export type LabSpec = QueryLabSpec | ConsistencySpec;

export type LabKind = LabSpec['lab'];

/** Which prebuilt data dir each lab uses (lib/db/datasets.ts LAB_DATASET). */
export function datasetOf(spec: LabSpec): 'app' | 'indexing' | 'consistency' {
  if (spec.lab === 'indexing') return 'indexing';
  if (spec.lab === 'consistency') return 'consistency';
  if (spec.lab === 'sql') return spec.dataset;
  if (spec.lab === 'challenge' && spec.challenge === 'index-scan') return 'indexing';
  return 'app';
}

/** Round-trip presets, ms: in-process, same availability zone, cross zone (lib/db/querylog.ts). */
export const RTT_CHOICES: readonly RttMs[] = [0, 0.5, 2];
export const DEFAULT_RTT: RttMs = 0.5;

/**
 * Words and summaries for the consistency widget. Pure (unit-tested): the e2e tests and the
 * lesson's challenge read these sentences.
 */
import type { ConsistencySpec } from '@/components/querylab/labSpec';
import type { ConsistencyLabResult } from '@/lib/db/labs/consistency';

export type Experiment = ConsistencySpec['experiment'];

export const EXPERIMENT_TITLES: Record<Experiment, string> = {
  'replica-lag': 'Lab: a lagging read replica',
  idempotency: 'Lab: retries with and without idempotency keys',
  'lost-update': 'Lab: two requests, one counter',
  outbox: 'Lab: save, then publish — with a crash in between',
  shards: 'Lab: partitions inside Postgres, shards across servers',
};

export const STRATEGY_LABELS: Record<Experiment, Record<string, string>> = {
  'replica-lag': {
    replica: 'Every read from the replica',
    'primary-window': 'Read from the primary for a window after your write',
    'version-token': 'Session version token (replica only once it has your write)',
  },
  idempotency: { none: 'No idempotency key', key: 'Idempotency key (stored response)' },
  'lost-update': {
    naive: 'Read, add 1 in the app, write back',
    atomic: 'UPDATE … SET n = n + 1',
    version: 'Version column, retry on conflict',
  },
  outbox: { direct: 'Save, then publish', outbox: 'Transactional outbox + relay' },
  shards: { uniform: 'Evenly used channels', skewed: 'One very busy channel (Zipf)' },
};

export const LAG_CHOICES_MS = [0, 100, 1000] as const;
export const WINDOW_CHOICES_MS = [250, 500, 1000, 1500, 2000, 5000] as const;
/** The widget stops at 4 shards: each is a PGlite of ≥ 134 MB (lib/db/consistency-pool.ts). */
export const SHARD_CHOICES = [2, 3, 4] as const;

/** What the anomaly count is called for each lab, and its value in a result. */
export function anomalyOf(r: ConsistencyLabResult): { label: string; value: number } {
  switch (r.lab) {
    case 'replica-lag':
      return { label: 'vanished messages', value: r.vanished };
    case 'idempotency':
      return { label: 'duplicate charges', value: r.duplicates };
    case 'lost-update':
      return { label: 'lost updates', value: r.lostUpdates };
    case 'outbox':
      return { label: 'lost events', value: r.lostEvents };
    case 'shards':
      return { label: 'share on the busiest shard', value: r.hotShardShare };
  }
}

const n = (x: number): string => Math.round(x).toLocaleString('en-US');
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const ms = (x: number): string => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;

/** One sentence saying what the numbers mean. */
export function summarize(r: ConsistencyLabResult): string {
  switch (r.lab) {
    case 'replica-lag':
      return `${n(r.reads)} reads at ${n(r.lagMs)} ms lag: ${n(r.vanished)} times a user's own message vanished, ${n(r.staleReads)} reads were stale, and the primary served ${n(r.primaryQueries)} queries (${n(r.writes)} writes + ${n(r.primaryReads)} reads).`;
    case 'idempotency':
      return `${n(r.requests)} charges, ${n(r.retries)} retries after lost responses: ${n(r.duplicates)} duplicate charges in the table${r.strategy === 'key' ? `, ${n(r.replays)} retries answered from the stored response, the reused key with a new amount rejected; ${r.writesPerAttempt.toFixed(1)} writes per attempt instead of 1` : ''}.`;
    case 'lost-update':
      return `${n(r.expected)} increments, the counter reads ${n(r.final)}: ${n(r.lostUpdates)} lost${r.strategy === 'version' ? `, ${n(r.conflicts)} conflicts retried` : ''}; ${n(r.statements)} statements.`;
    case 'outbox':
      return `${n(r.requests)} messages saved, ${n(r.crashes)} crashes injected: ${n(r.lostEvents)} events lost, ${n(r.redeliveries)} redelivered${r.dedupe ? ` and discarded by the consumer's inbox` : ''}, ${n(r.duplicates)} notifications sent twice.`;
    case 'shards':
      return `${r.shards} shards: a query by channel reads 1 shard (${ms(r.singleShardMs)}); a query by user asks all ${r.shards} (${ms(r.scatterGatherMs)} of work, ${ms(r.scatterGatherParallelMs)} if they answer in parallel). The busiest shard takes ${pct(r.hotShardShare)} of the channel queries (even would be ${pct(1 / r.shards)}).`;
  }
}

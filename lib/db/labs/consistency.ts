import type { PGliteInterface } from '@electric-sql/pglite';
import {
  ConsistencyLabError,
  DEFAULT_SHARDS,
  instancesFor,
  type ConsistencyLabId,
} from './consistency-common';
import { parseConsistencyOptions, type ConsistencyOptions } from './consistency-options';
import { runIdempotency, type IdempotencyResult } from './idempotency';
import { runLostUpdate, type LostUpdateResult } from './lost-update';
import { runOutbox, type OutboxResult } from './outbox';
import { runShards, type ShardsResult } from './partitioning-and-shards';
import { runReplicaLag, type ReplicaLagResult, type ReplicaStrategy } from './replica-lag';

/** One entry point for the five consistency labs: validated options in, one result out. */
export type ConsistencyLabResult =
  ReplicaLagResult | IdempotencyResult | LostUpdateResult | OutboxResult | ShardsResult;

export { parseConsistencyOptions, type ConsistencyOptions };

export function instancesNeeded(o: ConsistencyOptions): number {
  return instancesFor(o.lab, o.shards ?? DEFAULT_SHARDS);
}

/** Runs one lab on the first instances of `dbs` (instancesNeeded of them). */
export async function runConsistencyLab(
  dbs: readonly PGliteInterface[],
  raw: ConsistencyOptions,
  memoryBytes?: () => number,
): Promise<ConsistencyLabResult> {
  const o = parseConsistencyOptions(raw);
  const need = instancesNeeded(o);
  if (dbs.length < need)
    throw new ConsistencyLabError(`${o.lab} needs ${need} database instances, got ${dbs.length}`);
  const [a, b] = dbs as [PGliteInterface, PGliteInterface];
  const lab: ConsistencyLabId = o.lab;
  switch (lab) {
    case 'replica-lag':
      return runReplicaLag(a, b, {
        strategy: o.strategy as ReplicaStrategy | undefined,
        lagMs: o.lagMs,
        windowMs: o.windowMs,
        actions: o.requests,
        seed: o.seed,
      });
    case 'idempotency':
      return runIdempotency(a, {
        strategy: o.strategy as 'none' | 'key' | undefined,
        requests: o.requests,
        seed: o.seed,
      });
    case 'lost-update':
      return runLostUpdate(a, {
        strategy: o.strategy as 'naive' | 'atomic' | 'version' | undefined,
        requests: o.requests,
        seed: o.seed,
      });
    case 'outbox':
      return runOutbox(a, {
        strategy: o.strategy as 'direct' | 'outbox' | undefined,
        requests: o.requests,
        dedupe: o.dedupe,
        seed: o.seed,
      });
    case 'shards':
      return runShards(
        dbs,
        {
          strategy: o.strategy as 'uniform' | 'skewed' | undefined,
          shards: o.shards,
          queries: o.requests,
          seed: o.seed,
        },
        memoryBytes,
      );
  }
}

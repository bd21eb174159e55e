import type { PGliteInterface } from '@electric-sql/pglite';
import { z } from 'zod';
import {
  CONSISTENCY_LABS,
  ConsistencyLabError,
  DEFAULT_SHARDS,
  instancesFor,
  LAB_STRATEGIES,
  MAX_SHARDS,
  type ConsistencyLabId,
} from './consistency-common';
import { runIdempotency, type IdempotencyResult } from './idempotency';
import { runLostUpdate, type LostUpdateResult } from './lost-update';
import { runOutbox, type OutboxResult } from './outbox';
import { runShards, type ShardsResult } from './partitioning-and-shards';
import { runReplicaLag, type ReplicaLagResult, type ReplicaStrategy } from './replica-lag';

/**
 * One entry point for the five consistency labs: validated options in, one result out. The same
 * schema guards the CLI, the worker protocol and the widget's props.
 */
export const consistencyOptionsSchema = z
  .object({
    lab: z.enum(CONSISTENCY_LABS),
    strategy: z.string().optional(),
    lagMs: z.number().min(0).max(10_000).optional(),
    windowMs: z.number().min(0).max(60_000).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    shards: z.number().int().min(1).max(MAX_SHARDS).optional(),
    requests: z.number().int().min(1).max(5000).optional(),
    dedupe: z.boolean().optional(),
  })
  .strict()
  .superRefine((o, ctx) => {
    const allowed: readonly string[] = LAB_STRATEGIES[o.lab];
    if (o.strategy !== undefined && !allowed.includes(o.strategy))
      ctx.addIssue({
        code: 'custom',
        path: ['strategy'],
        message: `${o.lab} strategies are ${allowed.join(', ')} (got ${o.strategy})`,
      });
  });

export type ConsistencyOptions = z.infer<typeof consistencyOptionsSchema>;

export type ConsistencyLabResult =
  ReplicaLagResult | IdempotencyResult | LostUpdateResult | OutboxResult | ShardsResult;

export function parseConsistencyOptions(raw: unknown): ConsistencyOptions {
  const parsed = consistencyOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConsistencyLabError(
      issue ? `${issue.path.join('.') || 'options'}: ${issue.message}` : 'invalid options',
    );
  }
  return parsed.data;
}

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

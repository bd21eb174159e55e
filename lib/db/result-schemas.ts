import { z } from 'zod';
import type { CachingLabResult } from './labs/caching';
import type { ConsistencyLabResult } from './labs/consistency';
import type { IndexLabResult } from './labs/indexing';
import type { MeasureLabResult } from './labs/measure';
import type { NPlusOneResult } from './labs/nplusone';
import type { StampedeResult } from './labs/stampede';
import type { ExplainOutcome, ReadyInfo, ResetInfo, SqlRunResult } from './results';
import type { UserCodeResult } from './usercode-types';

/**
 * What the page checks in the worker's results before the UI reads them. Flat results are checked
 * field by field; the lab results are checked down to the fields the page renders and passed
 * through below that (plan trees, per-request traces: the worker is code from this same build, so
 * the check catches a protocol drift, not an attacker). Numbers may be NaN or ±Infinity (a ratio
 * over zero reads); structured clone carries them, JSON does not.
 */
const num = z.custom<number>((v) => typeof v === 'number', 'expected a number');

/** A schema that checks part of T and stands for all of it. */
const shaped = <T>(schema: z.ZodType): z.ZodType<T> => schema as z.ZodType<T>;

export const queryLogEntrySchema = z.looseObject({
  seq: num,
  sql: z.string(),
  params: z.array(z.unknown()),
  rows: num,
  dbMs: num,
  rttMs: num,
});
const log = z.array(queryLogEntrySchema);
const summary = z.object({
  queries: num,
  rows: num,
  dbMs: num,
  rttMs: num,
  totalMs: num,
  elapsedMs: num,
  peakConnections: num,
});
const sqlError = z.looseObject({ message: z.string(), code: z.string().optional() });

export const readyInfoSchema: z.ZodType<ReadyInfo> = z.object({
  dataset: z.string(),
  pgliteVersion: z.string(),
  loadMs: num,
  messages: num,
  users: num,
});

export const resetInfoSchema: z.ZodType<ResetInfo> = z.object({ ms: num });

export const sqlRunResultSchema = shaped<SqlRunResult>(
  z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      statements: z.array(
        z.object({
          command: z.string().optional(),
          fields: z.array(z.string()),
          rowCount: num,
          rows: z.array(z.record(z.string(), z.unknown())),
          truncated: z.boolean(),
        }),
      ),
      log,
      summary,
    }),
    z.object({ ok: z.literal(false), error: sqlError, log, summary }),
  ]),
);

export const explainOutcomeSchema = shaped<ExplainOutcome>(
  z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      explain: z.looseObject({
        plan: z.looseObject({ nodeType: z.string() }),
        nodeTypes: z.array(z.string()),
        planningMs: num,
        executionMs: num,
      }),
      log,
    }),
    z.object({ ok: z.literal(false), error: sqlError, log }),
  ]),
);

export const userCodeResultSchema = shaped<UserCodeResult>(
  z.object({
    ok: z.boolean(),
    error: z
      .looseObject({
        kind: z.enum(['syntax', 'runtime', 'sql', 'timeout']),
        message: z.string(),
      })
      .optional(),
    preview: z.unknown(),
    loaded: z.object({ users: num, posts: num, checksum: z.string() }).optional(),
    console: z.array(z.string()),
    log,
    logTruncated: z.boolean(),
    summary,
    wallMs: num,
    restarted: z.boolean().optional(),
  }),
);

const runs = (run: z.ZodType) => z.record(z.string(), run);

export const nPlusOneResultSchema = shaped<NPlusOneResult>(
  z.object({
    users: num,
    rttMs: num,
    runs: runs(
      z.looseObject({
        strategy: z.string(),
        queries: num,
        totalMs: num,
        checksum: z.string(),
        log,
      }),
    ),
    checksumsMatch: z.boolean(),
  }),
);

const planRun = z.looseObject({ sql: z.string(), nodeTypes: z.array(z.string()), ms: num });

export const indexLabResultSchema = shaped<IndexLabResult>(
  z.looseObject({
    lookup: z.looseObject({ rows: num, withoutIndex: planRun, withIndex: planRun }).optional(),
    lowSelectivity: z.looseObject({ before: planRun, after: planRun }).optional(),
    writeCost: z.looseObject({ withoutMs: num, withMs: num }).optional(),
    log,
  }),
);

export const cachingLabResultSchema = shaped<CachingLabResult>(
  z.object({
    rttMs: num,
    ttlMs: num,
    intervalMs: num,
    runs: runs(z.looseObject({ strategy: z.string(), hits: num, misses: num, log })),
  }),
);

export const stampedeResultSchema = shaped<StampedeResult>(
  z.object({
    rttMs: num,
    readsPerSecond: num,
    durationMs: num,
    hotKeyShare: num,
    runs: runs(
      z.looseObject({
        variant: z.string(),
        reads: num,
        dbQueries: num,
        hotKeyQueries: num,
        peakQueue: num,
        p95ReadMs: num,
      }),
    ),
  }),
);

export const measureLabResultSchema = shaped<MeasureLabResult>(
  z.object({
    rttMs: num,
    seed: num,
    runs: runs(
      z.looseObject({ variant: z.string(), requests: num, endpoints: z.array(z.unknown()) }),
    ),
  }),
);

/** The counts every consistency lab reports and its timeline; lab-specific fields pass through. */
export const consistencyLabResultSchema = shaped<ConsistencyLabResult>(
  z.looseObject({
    lab: z.enum(['replica-lag', 'idempotency', 'lost-update', 'outbox', 'shards']),
    strategy: z.string(),
    seed: num,
    requests: num,
    staleReads: num,
    duplicates: num,
    lostUpdates: num,
    lostEvents: num,
    primaryQueries: num,
    ms: num,
    events: z.array(
      z.looseObject({ tMs: num, kind: z.string(), actor: z.string(), detail: z.string() }),
    ),
  }),
);

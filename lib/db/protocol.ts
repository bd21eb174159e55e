import { z } from 'zod';
import { CACHE_STRATEGIES } from './labs/caching';
import { consistencyOptionsSchema } from './labs/consistency-options';
import { INDEX_LAB_PARTS } from './labs/indexing';
import { N_PLUS_ONE_STRATEGIES } from './labs/nplusone';

/**
 * The page ⇄ worker protocol. Every message is validated with zod on arrival (both directions), and
 * every call's arguments are validated in the worker before they reach the engine.
 */
export const DATASET_IDS = ['app', 'indexing', 'consistency'] as const;

const rttMs = z.number().min(0).max(1000);
const users = z.number().int().min(1).max(10_000);
const sql = z.string().max(1_000_000);

export const methodArgs = {
  runSql: z.tuple([
    sql,
    z
      .object({
        params: z.array(z.unknown()).optional(),
        maxRows: z.number().int().min(0).max(10_000).optional(),
        rttMs: rttMs.optional(),
      })
      .optional(),
  ]),
  explain: z.tuple([
    sql,
    z.object({ params: z.array(z.unknown()).optional(), rttMs: rttMs.optional() }).optional(),
  ]),
  runNPlusOne: z.tuple([
    z.object({ users, rttMs, strategies: z.array(z.enum(N_PLUS_ONE_STRATEGIES)).optional() }),
  ]),
  runIndexLab: z.tuple([
    z
      .object({ rttMs: rttMs.optional(), parts: z.array(z.enum(INDEX_LAB_PARTS)).optional() })
      .optional(),
  ]),
  runCachingLab: z.tuple([
    z.object({
      rttMs,
      strategies: z.array(z.enum(CACHE_STRATEGIES)).optional(),
      ttlMs: z.number().min(0).max(3_600_000).optional(),
      requests: z.number().int().min(1).max(5000).optional(),
      intervalMs: z.number().positive().max(60_000).optional(),
      writeEvery: z.number().int().min(1).max(1000).optional(),
      seed: z.number().int().optional(),
    }),
  ]),
  runMeasureLab: z.tuple([
    z.object({
      rttMs,
      requests: z.number().int().min(1).max(2000).optional(),
      seed: z.number().int().optional(),
      variants: z.array(z.enum(['baseline', 'fixed'])).optional(),
    }),
  ]),
  runUserCode: z.tuple([
    z.string().max(200_000),
    z.object({ users, rttMs, timeoutMs: z.number().int().min(100).max(60_000).optional() }),
  ]),
  runConsistencyLab: z.tuple([consistencyOptionsSchema]),
  reset: z.tuple([]),
} as const;

export type MethodName = keyof typeof methodArgs;
export const METHOD_NAMES = Object.keys(methodArgs) as MethodName[];

export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    dataset: z.enum(DATASET_IDS),
    /** Absolute URL of manifest.json (the worker resolves asset files next to it). */
    manifestUrl: z.string().min(1),
    fetchTimeoutMs: z.number().int().positive(),
    warmUp: z.boolean(),
  }),
  z.object({
    type: z.literal('call'),
    id: z.number().int(),
    method: z.enum(METHOD_NAMES as [MethodName, ...MethodName[]]),
    args: z.array(z.unknown()),
  }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

export const PHASES = ['manifest', 'download', 'compile', 'open', 'warm-up'] as const;
export type LoadPhase = (typeof PHASES)[number];

const errorSchema = z.object({
  kind: z.enum([
    'load-failed',
    'startup-timeout',
    'user-code-timeout',
    'worker-crashed',
    'bad-request',
    'closed',
    'internal',
  ]),
  message: z.string(),
});

export const fromWorkerSchema = z.union([
  z.object({ type: z.literal('progress'), phase: z.enum(PHASES), detail: z.string().optional() }),
  z.object({
    type: z.literal('ready'),
    info: z.object({
      dataset: z.string(),
      pgliteVersion: z.string(),
      loadMs: z.number(),
      messages: z.number(),
      users: z.number(),
    }),
  }),
  z.object({ type: z.literal('init-error'), error: errorSchema }),
  z.object({
    type: z.literal('result'),
    id: z.number().int(),
    ok: z.literal(true),
    value: z.unknown(),
  }),
  z.object({
    type: z.literal('result'),
    id: z.number().int(),
    ok: z.literal(false),
    error: errorSchema,
  }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;

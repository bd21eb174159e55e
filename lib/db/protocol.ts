import { z } from 'zod';
import { defineContract } from '../worker-rpc/index';
import { CACHE_STRATEGIES } from './labs/caching';
import { consistencyOptionsSchema } from './labs/consistency-options';
import { INDEX_LAB_PARTS } from './labs/indexing';
import { N_PLUS_ONE_STRATEGIES } from './labs/nplusone';
import { STAMPEDE_VARIANTS } from './labs/stampede';
import {
  cachingLabResultSchema,
  consistencyLabResultSchema,
  explainOutcomeSchema,
  indexLabResultSchema,
  measureLabResultSchema,
  nPlusOneResultSchema,
  stampedeResultSchema,
  readyInfoSchema,
  resetInfoSchema,
  sqlRunResultSchema,
  userCodeResultSchema,
} from './result-schemas';

/**
 * The query lab's worker contract (lib/worker-rpc): every method with the zod schemas of its params
 * (checked in the worker before they reach the engine), its result and its progress (checked in
 * the page). Adding a lab method: an entry in `labMethods` and its handler in lab-handlers.ts; it
 * then appears on QueryLabClient as `method(params, { onProgress, signal })`.
 */
export const DATASET_IDS = ['app', 'indexing', 'consistency'] as const;

const rttMs = z.number().min(0).max(1000);
const users = z.number().int().min(1).max(10_000);
const sql = z.string().max(1_000_000);

export const PHASES = ['manifest', 'download', 'compile', 'open', 'warm-up'] as const;
export type LoadPhase = (typeof PHASES)[number];

/** The engine's methods: the same on both transports (client.ts, client-inprocess.ts). */
export const labMethods = defineContract({
  runSql: {
    params: z.object({
      sql,
      params: z.array(z.unknown()).optional(),
      maxRows: z.number().int().min(0).max(10_000).optional(),
      rttMs: rttMs.optional(),
    }),
    result: sqlRunResultSchema,
  },
  explain: {
    params: z.object({ sql, params: z.array(z.unknown()).optional(), rttMs: rttMs.optional() }),
    result: explainOutcomeSchema,
  },
  runNPlusOne: {
    params: z.object({
      users,
      rttMs,
      strategies: z.array(z.enum(N_PLUS_ONE_STRATEGIES)).readonly().optional(),
    }),
    result: nPlusOneResultSchema,
  },
  runIndexLab: {
    params: z
      .object({ rttMs: rttMs.optional(), parts: z.array(z.enum(INDEX_LAB_PARTS)).optional() })
      .optional(),
    result: indexLabResultSchema,
  },
  runCachingLab: {
    params: z.object({
      rttMs,
      strategies: z.array(z.enum(CACHE_STRATEGIES)).readonly().optional(),
      ttlMs: z.number().min(0).max(3_600_000).optional(),
      requests: z.number().int().min(1).max(5000).optional(),
      intervalMs: z.number().positive().max(60_000).optional(),
      writeEvery: z.number().int().min(1).max(1000).optional(),
      seed: z.number().int().optional(),
    }),
    result: cachingLabResultSchema,
  },
  runStampede: {
    params: z.object({
      rttMs,
      readsPerSecond: z.number().min(1).max(20_000).optional(),
      durationMs: z.number().min(1).max(2000).optional(),
      variants: z.array(z.enum(STAMPEDE_VARIANTS)).readonly().optional(),
      seed: z.number().int().optional(),
    }),
    result: stampedeResultSchema,
  },
  runMeasureLab: {
    params: z.object({
      rttMs,
      requests: z.number().int().min(1).max(2000).optional(),
      seed: z.number().int().optional(),
      variants: z
        .array(z.enum(['baseline', 'fixed']))
        .readonly()
        .optional(),
    }),
    result: measureLabResultSchema,
  },
  runUserCode: {
    params: z.object({
      code: z.string().max(200_000),
      users,
      rttMs,
      timeoutMs: z.number().int().min(100).max(60_000).optional(),
      noInclude: z.boolean().optional(),
    }),
    result: userCodeResultSchema,
    /**
     * 'started': the worker begins running the code now (everything queued before it is done).
     * The page's busy-loop watchdog counts from here, never from when the page sent the call.
     */
    progress: z.literal('started'),
  },
  /** A consistency lab (labs/consistency.ts) on the `consistency` data dir. */
  runConsistencyLab: { params: consistencyOptionsSchema, result: consistencyLabResultSchema },
  reset: { params: z.undefined(), result: resetInfoSchema },
});

/** The worker's lifecycle (worker transport only) plus the engine's methods. */
export const labContract = defineContract({
  init: {
    params: z.object({
      dataset: z.enum(DATASET_IDS),
      /** Absolute URL of manifest.json (the worker resolves asset files next to it). */
      manifestUrl: z.string().min(1),
      fetchTimeoutMs: z.number().int().positive(),
    }),
    result: readyInfoSchema,
    progress: z.object({ phase: z.enum(PHASES), detail: z.string().optional() }),
  },
  /** JIT warm-up (engine.warmUp); the page sends it right after init so it runs first. */
  warmUp: {
    params: z.undefined(),
    result: z.object({ ms: z.number() }),
    /** 'started': the worker begins the warm-up (the page shows "warming up" from here). */
    progress: z.literal('started'),
  },
  ...labMethods,
});

export type LabMethodName = keyof typeof labMethods;

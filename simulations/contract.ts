/**
 * The simulator's worker contract: each SimulationApi method with the zod schemas of its params,
 * result and progress. The worker validates params, the page validates results (lib/worker-rpc).
 * Adding a method: an entry here and its handler in api.ts. zod/mini keeps the /validation/ page's
 * bundle small.
 */
import { z } from 'zod/mini';
import { defineContract, type RpcApi } from '../lib/worker-rpc/index';
import type { QueueRunParams, QueueRunResult } from './engine/queueRun';
import type { ValidationCaseInfo, ValidationResult } from './validation/types';

/** Any number, NaN and ±Infinity included (structured clone keeps them; estimates can be NaN). */
const num = z.custom<number>((v) => typeof v === 'number');
const positive = z.number().check(z.positive());
const count = (min: number) => z.number().check(z.int(), z.minimum(min));

const queueParams = z.object({
  arrivalRate: positive,
  serviceRate: positive,
  servers: count(1),
  service: z.enum(['exp', 'det']),
  customers: count(1),
  warmup: count(0),
  seed: count(0),
  capacity: z.optional(count(1)),
  includeSeries: z.optional(z.boolean()),
});

const interval = z.object({ mean: num, halfWidth: num, level: num, samples: num });

const queueResult = z.object({
  completed: num,
  dropped: num,
  meanWait: num,
  meanSojourn: num,
  p50Sojourn: num,
  p90Sojourn: num,
  p99Sojourn: num,
  p99Wait: num,
  probWait: num,
  dropRate: num,
  utilization: num,
  meanInSystem: num,
  meanInQueue: num,
  arrivalRateObserved: num,
  events: num,
  simulatedS: num,
  measuredS: num,
  ci: z.object({
    meanWait: interval,
    meanSojourn: interval,
    meanInSystem: interval,
    utilization: interval,
  }),
  series: z.optional(
    z.object({
      intervalS: num,
      times: z.array(num),
      columns: z.record(z.string(), z.array(num)),
    }),
  ),
});

const caseInfo = z.object({
  id: z.string(),
  model: z.string(),
  parameters: z.string(),
  metric: z.string(),
  theory: num,
  formula: z.string(),
  source: z.string(),
  method: z.enum(['batch means', 'replications']),
  work: z.string(),
});

const validationResult = z.extend(caseInfo, {
  seed: num,
  simulated: num,
  halfWidth: num,
  relativeError: num,
  verdict: z.enum(['inside', 'near', 'outside']),
  events: num,
});

const validationOptions = z.optional(
  z.object({
    seed: z.optional(count(0)),
    scale: z.optional(positive),
    caseIds: z.optional(z.array(z.string())),
  }),
);

export const simulationContract = defineContract({
  /** One M/M/c or M/D/c(/K) run (the CLI's `queue` model). */
  runQueue: { params: queueParams, result: queueResult },
  /** The /validation/ cases, without running them. */
  listValidationCases: { params: z.undefined(), result: z.array(caseInfo) },
  /** Runs validation cases in order; each result is also sent as progress when it is ready. */
  runValidation: {
    params: validationOptions,
    result: z.array(validationResult),
    progress: z.object({ result: validationResult, index: count(0), total: count(0) }),
  },
});

/**
 * One typed interface, two transports (like PGlite's PGliteInterface and PGliteWorker): in-process
 * in the CLI and tests, over postMessage to a Web Worker in the browser. Every method takes its
 * params and then `{ onProgress, signal }`.
 */
export type SimulationApi = RpcApi<typeof simulationContract>;
export type ValidationProgress = z.infer<typeof simulationContract.runValidation.progress>;

// The wire types are the engine's own types (a drift between the two fails to compile).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const check = <T extends true>(): T | undefined => undefined;
void check<Same<z.infer<typeof queueParams>, QueueRunParams>>();
void check<Same<z.infer<typeof queueResult>, QueueRunResult>>();
void check<Same<z.infer<typeof caseInfo>, ValidationCaseInfo>>();
void check<Same<z.infer<typeof validationResult>, ValidationResult>>();

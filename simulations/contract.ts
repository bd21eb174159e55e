/**
 * The simulator's worker contract: each SimulationApi method with the zod schemas of its params,
 * result and progress. The worker validates params, the page validates results (lib/worker-rpc).
 * Adding a method: an entry here and its handler in api.ts. zod/mini keeps the /validation/ page's
 * bundle small.
 */
import { z } from 'zod/mini';
import { defineContract, type RpcApi } from '../lib/worker-rpc/index';
import type { QueueRunParams, QueueRunResult } from './engine/queueRun';
import type { SeriesRow } from './model/recorder';
import type { TopologySummary } from './scenario/run';
import type { SessionInfo, SessionProgress } from './session';
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

const sessionId = z.string().check(z.minLength(1));
const session = z.object({ sessionId });

const sessionInfo = z.object({
  sessionId: z.string(),
  scenario: z.string(),
  now: num,
  divisor: num,
  sent: count(0),
});

const seriesRow = z.object({
  t: num,
  arrivals: num,
  offered: num,
  throughput: num,
  goodput: num,
  p99: z.nullable(num),
  errorRate: num,
  inFlight: num,
});

const sessionProgress = z.object({
  sessionId: z.string(),
  from: count(0),
  rows: z.array(seriesRow),
  now: num,
});

/** The summary is large and nested; the page checks the fields every view reads. */
function isSummary(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const counts = ['arrivals', 'completed', 'failed', 'inFlight', 'duration'];
  return counts.every((k) => typeof o[k] === 'number') && Array.isArray(o.nodes);
}
const topologySummary = z.custom<TopologySummary>(isSummary, {
  error: 'expected a topology summary',
});

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
  /**
   * Opens a live topology session: a built-in scenario's name or a scenario object (checked in the
   * worker by the scenario schema, errors name the JSON path). Sessions per worker are capped.
   */
  openSession: {
    params: z.object({
      scenario: z.union([z.string().check(z.minLength(1)), z.record(z.string(), z.unknown())]),
      seed: z.optional(count(0)),
      users: z.optional(count(1)),
    }),
    result: sessionInfo,
  },
  /**
   * Runs a session to untilS in chunks; progress carries only rows not sent before (or, with
   * fromRow, the rows from that index again first: a page that aborted may have missed some).
   */
  advanceSession: {
    params: z.object({ sessionId, untilS: z.number(), fromRow: z.optional(count(0)) }),
    result: sessionInfo,
    progress: sessionProgress,
  },
  /** Live change of users, workers per instance of a tier, replica lag of a tier. */
  patchSession: {
    params: z.object({
      sessionId,
      patch: z.object({
        users: z.optional(count(1)),
        workers: z.optional(z.record(z.string(), count(0))),
        lagS: z.optional(z.record(z.string(), z.number().check(z.minimum(0)))),
      }),
    }),
    result: sessionInfo,
  },
  /** Schedules a failure (validated against the scenario's FailureSpec schema in the worker). */
  injectFailure: {
    params: z.object({ sessionId, failure: z.record(z.string(), z.unknown()) }),
    result: sessionInfo,
  },
  sessionSummary: { params: session, result: topologySummary },
  /** Frees the session; later calls with its id fail. */
  closeSession: { params: session, result: z.boolean() },
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
void check<Same<z.infer<typeof seriesRow>, SeriesRow>>();
void check<Same<z.infer<typeof sessionProgress>, SessionProgress>>();
void check<Same<z.infer<typeof sessionInfo>, SessionInfo>>();

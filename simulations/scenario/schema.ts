import { z } from 'zod';

/**
 * The one schema of a topology scenario (content/scenarios/*.json). Everything a run needs is
 * here; defaults are set in the scenario files, with their sources, not hidden in code. Times in
 * the JSON are seconds (…S) or milliseconds (…Ms) as the field name says.
 */

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();
const fraction = z.number().min(0).max(1);
const count = z.number().int().positive();

export const RETRY_STRATEGIES = [
  'none',
  'fixed',
  'exponential',
  'full',
  'equal',
  'decorrelated',
] as const;

export const RetrySchema = z
  .object({
    strategy: z.enum(RETRY_STRATEGIES),
    /** Total tries including the first. */
    maxAttempts: count.max(20),
    baseS: nonNegative.default(0.05),
    capS: nonNegative.default(2),
    /**
     * gRPC-style retry throttling (gRPC proposal A6): tokens start at maxTokens, a failure costs 1,
     * a success earns tokenRatio; retries are allowed while tokens > maxTokens / 2.
     */
    budget: z.object({ maxTokens: positive, tokenRatio: positive }).strict().optional(),
  })
  .strict();
export type RetrySpec = z.output<typeof RetrySchema>;

export const BreakerSchema = z
  .object({
    /** Count-based sliding window (resilience4j slidingWindowSize, default 100). */
    windowSize: count.default(100),
    /** Calls needed before the rate is judged (resilience4j minimumNumberOfCalls, default 100). */
    minCalls: count.default(100),
    /** Open when the failure rate reaches this (resilience4j failureRateThreshold 50%). */
    failureRate: fraction.default(0.5),
    /** Time open before half-open (resilience4j waitDurationInOpenState 60 s). */
    openS: positive.default(60),
    /** Trial calls in half-open (resilience4j permittedNumberOfCallsInHalfOpenState 10). */
    halfOpenCalls: count.default(10),
  })
  .strict();
export type BreakerSpec = z.output<typeof BreakerSchema>;

export const CallSchema = z
  .object({
    to: z.string().min(1),
    /** Parallel calls of this step (a fan-out); the step ends when all have replied. */
    fanout: count.default(1),
    /** Fire and forget (a broker publish, an event): the caller does not wait. */
    async: z.boolean().default(false),
    /** A failure of this step does not fail the caller (a cache invalidation, a best-effort call). */
    optional: z.boolean().default(false),
    /** Only for reads or only for writes (default: both). */
    when: z.enum(['read', 'write', 'always']).default('always'),
    /** Caller-side timeout of the step. */
    timeoutS: positive.optional(),
    breaker: BreakerSchema.optional(),
  })
  .strict();
export type CallSpec = z.output<typeof CallSchema>;

export const CountSchema = z.union([
  count,
  z
    .object({
      /** Provisioning rule: one instance per this many concurrent users. */
      usersPerInstance: positive,
      min: count.default(1),
      max: count.optional(),
    })
    .strict(),
]);

export const TIER_KINDS = [
  'cdn',
  'lb',
  'gateway',
  'app',
  'service',
  'sessions',
  'cache',
  'db',
  'replica',
  'broker',
  'consumer',
] as const;
export type TierKind = (typeof TIER_KINDS)[number];

export const TierSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'must be lowercase letters, digits, -' }),
    kind: z.enum(TIER_KINDS),
    /** Why this tier is shaped as it is, with sources for its numbers. */
    note: z.string().optional(),
    count: CountSchema.default(1),
    /** Concurrency per instance: cores, threads, connections, partitions. */
    workers: count,
    /**
     * Mean service time (ms) per endpoint; `default` for the rest. Exponential unless `service`.
     * 0 makes a pure router (a load balancer's negligible time): served inline, no event.
     */
    serviceMs: z.record(z.string(), nonNegative).refine((r) => 'default' in r, {
      error: 'needs a "default" entry',
    }),
    service: z.enum(['exp', 'det']).default('exp'),
    /** Network round trip of a call to this tier (ms), added to the request's latency. */
    netMs: nonNegative.default(0),
    queue: z
      .object({
        capacity: count.optional(),
        timeoutS: positive.optional(),
        lifo: z.boolean().default(false),
        dropIfClientGone: z.boolean().default(false),
      })
      .strict()
      .default({ lifo: false, dropIfClientGone: false }),
    /** Thread-per-request: the worker is held while the node waits on its calls. */
    holdWorker: z.boolean().default(false),
    /** Calls made after the node's own work, per endpoint name or '*' for any. */
    calls: z.record(z.string(), z.array(CallSchema)).default({}),
    /** How callers pick an instance of this tier. */
    balancing: z
      .object({
        policy: z
          .enum(['round-robin', 'random', 'least-connections', 'power-of-two'])
          .default('random'),
        sticky: z.boolean().default(false),
      })
      .strict()
      .default({ policy: 'random', sticky: false }),
    /** Sessions kept in the app's memory (lost when a user lands elsewhere) or in a store. */
    sessions: z.enum(['in-process', 'store']).optional(),
    /** Token bucket per instance (Envoy local rate limit: max_tokens, fill rate); excess gets 429. */
    rateLimit: z.object({ ratePerS: positive, burst: positive }).strict().optional(),
    cache: z
      .object({
        /** Entries per instance (LRU beyond). */
        capacity: count,
        ttlS: positive,
        /** Concurrent misses on one key wait for a single fill (request coalescing). */
        coalesce: z.boolean().default(false),
      })
      .strict()
      .optional(),
    replica: z
      .object({
        lagS: nonNegative,
        /** Reads by a user who wrote within the lag go to `primary`. */
        readYourWrites: z.boolean().default(false),
        primary: z.string().optional(),
      })
      .strict()
      .optional(),
    cdn: z.object({ hitRatio: fraction }).strict().optional(),
    /** Public price of one instance per month (USD), see simulations/model/cost.ts. */
    costPerMonth: nonNegative.default(0),
  })
  .strict();
export type TierSpec = z.output<typeof TierSchema>;

export const FAILURE_KINDS = [
  'crash',
  'latency',
  'capacity',
  'partition',
  'cache-flush',
  'replica-lag',
] as const;

export const FailureSchema = z
  .object({
    kind: z.enum(FAILURE_KINDS),
    atS: nonNegative,
    /** How long it lasts (omit: until the end of the run). */
    durationS: positive.optional(),
    target: z.string().min(1),
    /** Partition: the other side. */
    peer: z.string().optional(),
    /** Latency: service-time multiplier; capacity: remaining fraction of workers. */
    factor: positive.optional(),
    /** Replica lag during the spike (s). */
    lagS: nonNegative.optional(),
    /** Share of the tier's instances affected (default all). */
    share: fraction.default(1),
  })
  .strict();
export type FailureSpec = z.output<typeof FailureSchema>;

export const EndpointSchema = z
  .object({
    name: z.string().min(1),
    weight: nonNegative,
    write: z.boolean().default(false),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/),
    title: z.string().min(1),
    description: z.string().min(1),
    /** Which bottleneck breaks this topology, in words a lesson can quote. */
    bottleneck: z.string().min(1),
    users: count,
    durationS: positive,
    seed: z.number().int().nonnegative().default(1),
    slo: z
      .object({ p99Ms: positive.default(500), errorRate: fraction.default(0.01) })
      .strict()
      .default({ p99Ms: 500, errorRate: 0.01 }),
    load: z
      .object({
        /** Each concurrent user sends one request this often on average (Poisson). */
        requestIntervalS: positive,
        endpoints: z.array(EndpointSchema).min(1),
        /** Share of requests that are static assets (served through the `cdn` tier if any). */
        staticShare: fraction.default(0),
        keys: z.object({ count: count, zipf: nonNegative }).strict(),
        client: z
          .object({
            timeoutS: positive,
            retry: RetrySchema.default({ strategy: 'none', maxAttempts: 1, baseS: 0.05, capS: 2 }),
            breaker: BreakerSchema.optional(),
            idempotencyKeys: z.boolean().default(false),
          })
          .strict(),
      })
      .strict(),
    entry: z.string().min(1),
    tiers: z.array(TierSchema).min(1),
    failures: z.array(FailureSchema).default([]),
    /** Above this many client requests per second, simulate a symmetric sample (see README). */
    sampling: z
      .object({ maxRootRatePerS: positive.default(8_000) })
      .strict()
      .default({ maxRootRatePerS: 8_000 }),
  })
  .strict()
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    s.tiers.forEach((t, i) => {
      if (ids.has(t.id))
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'id'], message: `duplicate id ${t.id}` });
      ids.add(t.id);
    });
    if (!ids.has(s.entry))
      ctx.addIssue({ code: 'custom', path: ['entry'], message: `no tier ${s.entry}` });
    s.tiers.forEach((t, i) => {
      for (const [endpoint, calls] of Object.entries(t.calls))
        calls.forEach((c, j) => {
          if (!ids.has(c.to))
            ctx.addIssue({
              code: 'custom',
              path: ['tiers', i, 'calls', endpoint, j, 'to'],
              message: `no tier ${c.to}`,
            });
        });
      if (t.kind === 'cache' && !t.cache)
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'cache'], message: 'required' });
      if (t.kind === 'replica' && !t.replica)
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'replica'], message: 'required' });
      if (t.kind === 'cdn' && !t.cdn)
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'cdn'], message: 'required' });
      const primary = t.replica?.primary;
      if (primary !== undefined && !ids.has(primary))
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'replica', 'primary'],
          message: `no tier ${primary}`,
        });
    });
    s.failures.forEach((f, i) => {
      if (!ids.has(f.target))
        ctx.addIssue({
          code: 'custom',
          path: ['failures', i, 'target'],
          message: `no tier ${f.target}`,
        });
      if (f.kind === 'partition' && (f.peer === undefined || !ids.has(f.peer)))
        ctx.addIssue({
          code: 'custom',
          path: ['failures', i, 'peer'],
          message: 'partition needs a peer tier',
        });
    });
  });

export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;

/** "tiers[2].calls.*[0].to" from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out || '(root)';
}

export class ScenarioError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'ScenarioError';
  }
}

/** Validates untrusted JSON; throws ScenarioError naming the JSON path of the first problem. */
export function parseScenario(json: unknown): Scenario {
  const result = ScenarioSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ScenarioError(formatPath(issue.path), issue.message);
  }
  return result.data;
}

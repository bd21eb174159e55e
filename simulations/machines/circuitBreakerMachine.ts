import { assign, setup } from 'xstate';

/**
 * A circuit breaker's *mode* as a statechart: closed → open → half-open → closed | open.
 * The failure-rate window itself lives in plain counters in BreakerController (a request costs
 * nanoseconds, actor.send microseconds); the machine only hears the window's verdicts and owns
 * the open-state wait, an `after` delay on the engine's clock.
 *
 * Semantics follow resilience4j's CircuitBreaker (count-based sliding window): the rate is judged
 * only once `minimumNumberOfCalls` outcomes are in the window; at `failureRateThreshold` percent
 * or more the breaker opens; after `waitDurationInOpenState` it lets
 * `permittedNumberOfCallsInHalfOpenState` trial calls through and closes if their failure rate is
 * below the threshold, else opens again.
 */
export interface BreakerConfig {
  /** Percent of failed calls in the window at or above which the breaker opens. */
  failureRateThreshold: number;
  /** Outcomes kept in the count-based sliding window. */
  slidingWindowSize: number;
  /** Outcomes needed before the failure rate is judged at all. */
  minimumNumberOfCalls: number;
  waitDurationInOpenStateMs: number;
  permittedNumberOfCallsInHalfOpenState: number;
}

/** resilience4j's defaults (resilience4j docs, CircuitBreaker config; reference-numbers.md). */
export const RESILIENCE4J_BREAKER_DEFAULTS: Readonly<BreakerConfig> = Object.freeze({
  failureRateThreshold: 50,
  slidingWindowSize: 100,
  minimumNumberOfCalls: 100,
  waitDurationInOpenStateMs: 60_000,
  permittedNumberOfCallsInHalfOpenState: 10,
});

export function breakerConfig(overrides: Partial<BreakerConfig> = {}): BreakerConfig {
  const c = { ...RESILIENCE4J_BREAKER_DEFAULTS, ...overrides };
  const positiveInt = (name: keyof BreakerConfig) => {
    if (!(Number.isInteger(c[name]) && c[name] >= 1))
      throw new RangeError(`${name} must be an integer >= 1, got ${c[name]}`);
  };
  positiveInt('slidingWindowSize');
  positiveInt('minimumNumberOfCalls');
  positiveInt('permittedNumberOfCallsInHalfOpenState');
  if (!(c.failureRateThreshold > 0 && c.failureRateThreshold <= 100))
    throw new RangeError(`failureRateThreshold must be in (0, 100], got ${c.failureRateThreshold}`);
  if (!(c.waitDurationInOpenStateMs >= 0 && c.waitDurationInOpenStateMs < Infinity))
    throw new RangeError(
      `waitDurationInOpenStateMs must be finite and >= 0, got ${c.waitDurationInOpenStateMs}`,
    );
  return c;
}

export type BreakerEvent =
  /** The closed window's failure rate reached the threshold. */
  | { type: 'FAILURE_RATE_EXCEEDED'; failureRate: number }
  /** The half-open trial calls were judged. */
  | { type: 'TRIAL_FAILED'; failureRate: number }
  | { type: 'TRIAL_SUCCEEDED'; failureRate: number }
  /** Operator actions (resilience4j transitionToForcedOpenState / reset). */
  | { type: 'FORCE_OPEN' }
  | { type: 'RESET' };

export interface BreakerContext {
  config: BreakerConfig;
  /** Times the breaker has opened. */
  opened: number;
  /** Failure rate (percent) behind the last verdict, NaN before any. */
  lastFailureRate: number;
}

export const circuitBreakerMachine = setup({
  types: {
    context: {} as BreakerContext,
    events: {} as BreakerEvent,
    input: {} as Partial<BreakerConfig> | undefined,
  },
  actions: {
    countOpening: assign({ opened: ({ context }) => context.opened + 1 }),
    rememberRate: assign({
      lastFailureRate: ({ event, context }) =>
        'failureRate' in event ? event.failureRate : context.lastFailureRate,
    }),
  },
  delays: {
    waitDurationInOpenState: ({ context }) => context.config.waitDurationInOpenStateMs,
  },
}).createMachine({
  id: 'circuitBreaker',
  context: ({ input }) => ({
    config: breakerConfig(input ?? {}),
    opened: 0,
    lastFailureRate: NaN,
  }),
  initial: 'closed',
  on: { RESET: { target: '.closed' } },
  states: {
    closed: {
      description: 'Calls pass; outcomes fill the sliding window.',
      on: {
        FAILURE_RATE_EXCEEDED: { target: 'open', actions: ['rememberRate', 'countOpening'] },
        FORCE_OPEN: { target: 'open', actions: 'countOpening' },
      },
    },
    open: {
      description: 'Calls are rejected at once until the wait duration elapses.',
      after: { waitDurationInOpenState: { target: 'halfOpen' } },
    },
    halfOpen: {
      description: 'A few trial calls pass; their failure rate decides.',
      on: {
        TRIAL_FAILED: { target: 'open', actions: ['rememberRate', 'countOpening'] },
        TRIAL_SUCCEEDED: { target: 'closed', actions: 'rememberRate' },
        FORCE_OPEN: { target: 'open', actions: 'countOpening' },
      },
    },
  },
});

export type BreakerMode = 'closed' | 'open' | 'halfOpen';

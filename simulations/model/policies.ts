import type { Rng } from '../engine/rng';
import type { XStateClockLike } from '../engine/xstateClock';
import { BreakerController } from '../machines/controllers/breakerController';
import type { BreakerSpec, RetrySpec } from '../scenario/schema';

/** Resilience policies read by the request flow on the hot path: breakers, backoff, budgets, buckets. */

/**
 * What the request flow needs of a circuit breaker: `allow()` before a call, `record(success)`
 * after it, `state` and `opened` for the summary. Implemented by the XState-backed
 * BreakerController (simulations/machines): the window is plain counters, and only a verdict that
 * changes the mode (open, half-open, closed) is sent to its actor, whose open-state wait runs on
 * the engine's clock.
 */
export interface Breaker {
  readonly state: string;
  readonly opened: number;
  allow(): boolean;
  record(success: boolean): void;
}

/** A breaker from a scenario's spec (resilience4j names and units), on the run's XState clock. */
export function createBreaker(spec: BreakerSpec, clock: XStateClockLike): Breaker {
  return new BreakerController({
    clock,
    config: {
      slidingWindowSize: spec.windowSize,
      minimumNumberOfCalls: spec.minCalls,
      failureRateThreshold: spec.failureRate * 100,
      waitDurationInOpenStateMs: spec.openS * 1000,
      permittedNumberOfCallsInHalfOpenState: spec.halfOpenCalls,
    },
  });
}

/**
 * Backoff before retry number `attempt` (1 = the first retry), after Brooker, "Exponential Backoff
 * And Jitter" (AWS Architecture Blog, 2015): exponential = min(cap, base·2^attempt); full jitter =
 * U(0, that); equal jitter = half + U(0, half); decorrelated = min(cap, U(base, 3·previous)).
 */
export function backoffS(spec: RetrySpec, attempt: number, previousS: number, rng: Rng): number {
  const expo = Math.min(spec.capS, spec.baseS * 2 ** attempt);
  switch (spec.strategy) {
    case 'none':
      return 0;
    case 'fixed':
      return spec.baseS;
    case 'exponential':
      return expo;
    case 'full':
      return rng.next() * expo;
    case 'equal':
      return expo / 2 + (rng.next() * expo) / 2;
    case 'decorrelated': {
      const prev = Math.max(spec.baseS, previousS);
      return Math.min(spec.capS, spec.baseS + rng.next() * (3 * prev - spec.baseS));
    }
  }
}

/** gRPC retry throttling (gRPC proposal A6, "retryThrottling"): a token bucket over outcomes. */
export class RetryBudget {
  private tokens: number;
  /** Retries refused by the budget. */
  refused = 0;
  constructor(
    private readonly maxTokens: number,
    private readonly tokenRatio: number,
  ) {
    this.tokens = maxTokens;
  }
  success(): void {
    this.tokens = Math.min(this.maxTokens, this.tokens + this.tokenRatio);
  }
  failure(): void {
    this.tokens = Math.max(0, this.tokens - 1);
  }
  allowRetry(): boolean {
    if (this.tokens > this.maxTokens / 2) return true;
    this.refused++;
    return false;
  }
}

/** Token bucket (Envoy local rate limit): `burst` tokens, refilled continuously at `ratePerS`. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  /** Requests refused (HTTP 429). */
  limited = 0;
  constructor(
    readonly ratePerS: number,
    readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }
  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.ratePerS);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    this.limited++;
    return false;
  }
}

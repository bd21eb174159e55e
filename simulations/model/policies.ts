import type { Rng } from '../engine/rng';
import type { BreakerSpec, RetrySpec } from '../scenario/schema';

/**
 * Small resilience controllers read by the request flow on the hot path. They are plain objects
 * with a synchronous interface, so a state machine can replace any of them (the flow only calls
 * allow()/record() and reads `state`); every transition reads the engine clock through `now()`.
 */

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerController {
  readonly state: BreakerState;
  /** May a call go through now? (Closed: yes; open: no; half-open: the first few trials.) */
  allow(): boolean;
  /** Outcome of a call that allow() let through. */
  record(success: boolean): void;
}

/**
 * Count-based circuit breaker with resilience4j semantics (CircuitBreakerConfig: sliding window,
 * minimum number of calls, failure-rate threshold, wait duration in open state, permitted calls in
 * half-open state). Ring buffer of the last `windowSize` outcomes.
 */
export class CountBreaker implements BreakerController {
  state: BreakerState = 'closed';
  /** Times the breaker opened. */
  opened = 0;
  private readonly window: Uint8Array;
  private head = 0;
  private filled = 0;
  private failures = 0;
  private openUntil = 0;
  private trialsLeft = 0;
  private trialResults = 0;
  private trialFailures = 0;

  constructor(
    private readonly spec: BreakerSpec,
    private readonly now: () => number,
  ) {
    this.window = new Uint8Array(spec.windowSize);
  }

  allow(): boolean {
    if (this.state === 'closed') return true;
    if (this.state === 'open') {
      if (this.now() < this.openUntil) return false;
      this.state = 'half-open';
      this.trialsLeft = this.spec.halfOpenCalls;
      this.trialResults = 0;
      this.trialFailures = 0;
    }
    if (this.trialsLeft > 0) {
      this.trialsLeft--;
      return true;
    }
    return false;
  }

  record(success: boolean): void {
    if (this.state === 'half-open') {
      this.trialResults++;
      if (!success) this.trialFailures++;
      if (this.trialResults >= this.spec.halfOpenCalls) {
        if (this.trialFailures / this.trialResults >= this.spec.failureRate) this.trip();
        else this.reset();
      }
      return;
    }
    if (this.state !== 'closed') return;
    const n = this.window.length;
    if (this.filled === n) this.failures -= this.window[this.head];
    else this.filled++;
    const bit = success ? 0 : 1;
    this.window[this.head] = bit;
    this.failures += bit;
    this.head = (this.head + 1) % n;
    if (this.filled >= this.spec.minCalls && this.failures / this.filled >= this.spec.failureRate)
      this.trip();
  }

  private trip(): void {
    this.state = 'open';
    this.opened++;
    this.openUntil = this.now() + this.spec.openS;
  }

  private reset(): void {
    this.state = 'closed';
    this.filled = 0;
    this.failures = 0;
    this.head = 0;
  }
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

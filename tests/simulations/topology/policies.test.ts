import { describe, expect, it } from 'vitest';
import { rngStream } from '@/simulations/engine/rng';
import { Simulation } from '@/simulations/engine/simulation';
import { XStateClock } from '@/simulations/engine/xstateClock';
import { backoffS, createBreaker, RetryBudget, TokenBucket } from '@/simulations/model/policies';
import { createTopologyRun } from '@/simulations/scenario/run';
import { RetrySchema } from '@/simulations/scenario/schema';
import { tinyScenario } from './helpers';

describe('backoff strategies (Brooker 2015)', () => {
  const rng = rngStream(1, 'backoff');
  const spec = (strategy: string) =>
    RetrySchema.parse({ strategy, maxAttempts: 5, baseS: 0.1, capS: 1 });
  it('exponential doubles up to the cap; jitter stays inside its band', () => {
    expect([1, 2, 3, 4].map((a) => backoffS(spec('exponential'), a, 0, rng))).toEqual([
      0.2, 0.4, 0.8, 1,
    ]);
    for (let i = 0; i < 1000; i++) {
      const full = backoffS(spec('full'), 3, 0, rng);
      expect(full).toBeGreaterThanOrEqual(0);
      expect(full).toBeLessThan(0.8);
      const equal = backoffS(spec('equal'), 3, 0, rng);
      expect(equal).toBeGreaterThanOrEqual(0.4);
      expect(equal).toBeLessThan(0.8);
      const dec = backoffS(spec('decorrelated'), 3, 0.3, rng);
      expect(dec).toBeGreaterThanOrEqual(0.1);
      expect(dec).toBeLessThanOrEqual(0.9);
    }
    expect(backoffS(spec('fixed'), 4, 0, rng)).toBe(0.1);
  });
});

describe('scenario breakers (XState-backed, on the engine clock)', () => {
  it('opens at the failure rate, waits in simulated time, half-opens, and closes on good trials', () => {
    const sim = new Simulation();
    const b = createBreaker(
      { windowSize: 10, minCalls: 10, failureRate: 0.5, openS: 5, halfOpenCalls: 2 },
      new XStateClock(sim),
    );
    for (let i = 0; i < 4; i++) b.record(false);
    for (let i = 0; i < 5; i++) b.record(true);
    expect(b.state).toBe('closed');
    b.record(false); // 5 of 10 failed
    expect(b.state).toBe('open');
    expect(b.allow()).toBe(false);
    sim.runUntil(4.9);
    expect(b.allow()).toBe(false);
    sim.runUntil(5);
    expect(b.allow()).toBe(true);
    expect(b.state).toBe('halfOpen');
    expect(b.allow()).toBe(true);
    expect(b.allow()).toBe(false); // only 2 trials
    b.record(true);
    b.record(true);
    expect(b.state).toBe('closed');
    expect(b.opened).toBe(1);
  });
});

describe('retry budget and token bucket', () => {
  it('the budget stops retries once failures dominate and refills on success', () => {
    const budget = new RetryBudget(10, 0.1);
    let allowed = 0;
    for (let i = 0; i < 20; i++) {
      budget.failure();
      if (budget.allowRetry()) allowed++;
    }
    expect(allowed).toBe(4); // tokens 9..6 are above half of 10
    for (let i = 0; i < 60; i++) budget.success();
    expect(budget.allowRetry()).toBe(true);
  });

  it('the token bucket passes its rate and answers the rest with 429', () => {
    const bucket = new TokenBucket(100, 10, 0);
    let passed = 0;
    for (let i = 0; i < 10_000; i++) if (bucket.take(i / 1000)) passed++; // 1,000/s for 10 s
    expect(passed).toBeGreaterThanOrEqual(1000);
    expect(passed).toBeLessThanOrEqual(1011);
    expect(bucket.limited).toBe(10_000 - passed);
  });
});

describe('load balancing', () => {
  it('least connections and power of two choices beat random on tail latency', () => {
    const p99 = (policy: 'random' | 'least-connections' | 'power-of-two' | 'round-robin') => {
      const run = createTopologyRun(
        tinyScenario({
          users: 3400, // ρ = 0.85 on 4 single-worker servers at 1 ms
          load: {
            requestIntervalS: 1,
            endpoints: [{ name: 'read', weight: 1 }],
            keys: { count: 10, zipf: 0 },
            client: { timeoutS: 5 },
          },
          tiers: [
            {
              id: 'app',
              kind: 'app',
              count: 4,
              workers: 1,
              serviceMs: { default: 1 },
              balancing: { policy },
            },
          ],
        }),
      );
      run.advanceTo(20);
      return run.summary().p99!;
    };
    const random = p99('random');
    expect(p99('least-connections')).toBeLessThan(random * 0.7);
    expect(p99('power-of-two')).toBeLessThan(random * 0.8);
    expect(p99('round-robin')).toBeLessThan(random);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BreakerController } from '@/simulations/machines/controllers';
import {
  RESILIENCE4J_BREAKER_DEFAULTS,
  breakerConfig,
} from '@/simulations/machines/circuitBreakerMachine';
import { simulatedClock } from './harness';

const small = {
  slidingWindowSize: 10,
  minimumNumberOfCalls: 5,
  failureRateThreshold: 50,
  waitDurationInOpenStateMs: 2_000,
  permittedNumberOfCallsInHalfOpenState: 3,
};

describe('circuit breaker', () => {
  it('should default to resilience4j and refuse invalid settings', () => {
    expect(breakerConfig()).toEqual({
      failureRateThreshold: 50,
      slidingWindowSize: 100,
      minimumNumberOfCalls: 100,
      waitDurationInOpenStateMs: 60_000,
      permittedNumberOfCallsInHalfOpenState: 10,
    });
    expect(RESILIENCE4J_BREAKER_DEFAULTS.failureRateThreshold).toBe(50);
    expect(() => breakerConfig({ slidingWindowSize: 0 })).toThrow(/slidingWindowSize/);
    expect(() => breakerConfig({ failureRateThreshold: 150 })).toThrow(/failureRateThreshold/);
    expect(() => breakerConfig({ waitDurationInOpenStateMs: -1 })).toThrow(/waitDuration/);
  });

  it('should not judge before minimumNumberOfCalls, then open at the threshold', () => {
    const { clock } = simulatedClock();
    const b = new BreakerController({ clock, config: small });
    for (let i = 0; i < 4; i++) {
      expect(b.allow()).toBe(true);
      b.record(false);
    }
    expect(b.state).toBe('closed');
    expect(b.failureRate).toBeNaN();
    b.record(false);
    expect(b.state).toBe('open');
    expect(b.opened).toBe(1);
    expect(b.allow()).toBe(false);
    expect(b.rejected).toBe(1);
  });

  it('should go closed → open → half-open → closed on the simulated clock', () => {
    const { sim, clock } = simulatedClock();
    const modes: string[] = [];
    const b = new BreakerController({
      clock,
      config: small,
      onModeChange: (mode, previous) => modes.push(`${previous}→${mode}@${sim.now}`),
    });
    sim.runUntil(1);
    for (let i = 0; i < 5; i++) b.record(i % 2 === 0); // 2 failures of 5 = 40%: stays closed
    expect(b.state).toBe('closed');
    b.record(false); // 3 of 6 = 50%: opens
    expect(b.state).toBe('open');
    sim.runUntil(2.999);
    expect(b.state).toBe('open');
    sim.runUntil(3);
    expect(b.state).toBe('halfOpen');
    // Exactly the permitted trial calls get through.
    expect([b.allow(), b.allow(), b.allow(), b.allow()]).toEqual([true, true, true, false]);
    b.record(true);
    b.record(true);
    expect(b.state).toBe('halfOpen');
    b.record(false); // 1 of 3 failed = 33% < 50%
    expect(b.state).toBe('closed');
    expect(b.failureRate).toBeNaN(); // a fresh window
    expect(modes).toEqual(['closed→open@1', 'open→halfOpen@3', 'halfOpen→closed@3']);
  });

  it('should reopen when the trial calls fail, and wait again', () => {
    const { sim, clock } = simulatedClock();
    const b = new BreakerController({ clock, config: small });
    for (let i = 0; i < 5; i++) b.record(false);
    sim.runUntil(2);
    expect(b.state).toBe('halfOpen');
    for (let i = 0; i < 3; i++) {
      b.allow();
      b.record(i === 0);
    }
    expect(b.state).toBe('open');
    expect(b.opened).toBe(2);
    sim.runUntil(3.9);
    expect(b.state).toBe('open');
    sim.runUntil(4);
    expect(b.state).toBe('halfOpen');
  });

  it('should keep a count-based sliding window (old outcomes fall out)', () => {
    const { clock } = simulatedClock();
    const b = new BreakerController({ clock, config: { ...small, minimumNumberOfCalls: 10 } });
    for (let i = 0; i < 4; i++) b.record(false);
    for (let i = 0; i < 6; i++) b.record(true);
    expect(b.failureRate).toBe(40);
    for (let i = 0; i < 4; i++) b.record(true); // pushes the 4 failures out
    expect(b.failureRate).toBe(0);
    expect(b.state).toBe('closed');
  });

  it('should agree with a model of the window for any outcome sequence', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 200 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 100 }),
        (outcomes, size, minimum, threshold) => {
          const { clock } = simulatedClock();
          const b = new BreakerController({
            clock,
            config: {
              slidingWindowSize: size,
              minimumNumberOfCalls: minimum,
              failureRateThreshold: threshold,
            },
          });
          const window: boolean[] = [];
          for (const ok of outcomes) {
            b.record(ok);
            window.push(ok);
            if (window.length > size) window.shift();
            const failures = window.filter((x) => !x).length;
            const judged = window.length >= Math.min(minimum, size);
            const shouldOpen = judged && 100 * failures >= threshold * window.length;
            expect(b.state).toBe(shouldOpen ? 'open' : 'closed');
            if (shouldOpen) return; // open: the wait never elapses (no simulated time passes)
            expect(b.failureRate).toBe(judged ? (100 * failures) / window.length : NaN);
          }
        },
      ),
    );
  });

  it('should open by hand and reset to an empty closed window', () => {
    const { clock } = simulatedClock();
    const b = new BreakerController({ clock, config: small });
    b.record(false);
    b.forceOpen();
    expect(b.state).toBe('open');
    b.reset();
    expect(b.state).toBe('closed');
    for (let i = 0; i < 4; i++) b.record(false);
    expect(b.state).toBe('closed');
  });
});

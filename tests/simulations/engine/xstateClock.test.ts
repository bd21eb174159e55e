import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { Simulation } from '@/simulations/engine/simulation';
import { XStateClock } from '@/simulations/engine/xstateClock';
import { circuitBreakerMachine } from '@/simulations/machines/circuitBreakerMachine';

describe('XStateClock', () => {
  afterEach(() => vi.restoreAllMocks());

  it('should drive a breaker through its open-state wait on simulated time only', () => {
    const realSetTimeout = vi.spyOn(globalThis, 'setTimeout');
    const sim = new Simulation();
    const clock = new XStateClock(sim);
    const actor = createActor(circuitBreakerMachine, {
      clock,
      input: { waitDurationInOpenStateMs: 5_000 },
    }).start();
    sim.runUntil(2);
    actor.send({ type: 'FAILURE_RATE_EXCEEDED', failureRate: 80 });
    expect(actor.getSnapshot().value).toBe('open');
    expect(clock.pendingTimers).toBe(1);
    // The wait is 5 s of *simulated* time from t = 2 s: nothing happens before t = 7 s.
    sim.runUntil(6.999);
    expect(actor.getSnapshot().value).toBe('open');
    sim.runUntil(7);
    expect(actor.getSnapshot().value).toBe('halfOpen');
    expect(sim.now).toBe(7);
    expect(clock.pendingTimers).toBe(0);
    expect(realSetTimeout).not.toHaveBeenCalled();
    actor.stop();
  });

  it('should cancel a pending delay when the machine leaves the state first', () => {
    const sim = new Simulation();
    const clock = new XStateClock(sim);
    const actor = createActor(circuitBreakerMachine, {
      clock,
      input: { waitDurationInOpenStateMs: 1_000 },
    }).start();
    actor.send({ type: 'FAILURE_RATE_EXCEEDED', failureRate: 100 });
    expect(sim.pending).toBe(1);
    actor.send({ type: 'RESET' });
    expect(actor.getSnapshot().value).toBe('closed');
    expect(clock.pendingTimers).toBe(0);
    expect(sim.pending).toBe(0);
    sim.runUntil(10);
    expect(actor.getSnapshot().value).toBe('closed');
  });

  it('should convert milliseconds to seconds and treat odd delays like the DOM does', () => {
    const sim = new Simulation();
    const clock = new XStateClock(sim);
    const fired: [string, number][] = [];
    clock.setTimeout(() => fired.push(['250ms', sim.now]), 250);
    clock.setTimeout(() => fired.push(['negative', sim.now]), -5);
    clock.setTimeout(() => fired.push(['NaN', sim.now]), NaN);
    const never = clock.setTimeout(() => fired.push(['never', sim.now]), Infinity);
    const cleared = clock.setTimeout(() => fired.push(['cleared', sim.now]), 100);
    clock.clearTimeout(cleared);
    clock.clearTimeout(never);
    clock.clearTimeout('not a timer');
    sim.run();
    expect(fired).toEqual([
      ['negative', 0],
      ['NaN', 0],
      ['250ms', 0.25],
    ]);
    expect(clock.nowMs).toBe(250);
  });

  it('should not let a stale id clear a newer timer that reuses its slot', () => {
    const sim = new Simulation();
    const clock = new XStateClock(sim);
    const fired: number[] = [];
    const first = clock.setTimeout(() => fired.push(1), 10);
    sim.run();
    clock.setTimeout(() => fired.push(2), 10);
    clock.clearTimeout(first);
    sim.run();
    expect(fired).toEqual([1, 2]);
  });
});

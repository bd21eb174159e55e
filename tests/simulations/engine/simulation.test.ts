import { describe, expect, it } from 'vitest';
import { Simulation, type SimComponent } from '@/simulations/engine/simulation';

/** Records (time, data) of every event it receives. */
class Recorder implements SimComponent {
  readonly seen: [number, number][] = [];
  readonly target: number;
  constructor(private readonly sim: Simulation) {
    this.target = sim.register(this);
  }
  onEvent(data: number): void {
    this.seen.push([this.sim.now, data]);
  }
}

describe('Simulation clock', () => {
  it('should step one event at a time in time order', () => {
    const sim = new Simulation();
    const r = new Recorder(sim);
    sim.schedule(2, r.target, 20);
    sim.schedule(1, r.target, 10);
    expect(sim.step()).toBe(true);
    expect(sim.now).toBe(1);
    expect(sim.step()).toBe(true);
    expect(sim.step()).toBe(false);
    expect(r.seen).toEqual([
      [1, 10],
      [2, 20],
    ]);
    expect(sim.events).toBe(2);
  });

  it('should run until a time inclusively and then advance the clock to it', () => {
    const sim = new Simulation();
    const r = new Recorder(sim);
    [1, 2, 3, 4].forEach((t) => sim.schedule(t, r.target, t));
    expect(sim.runUntil(3)).toBe(3);
    expect(sim.now).toBe(3);
    expect(sim.runUntil(3.5)).toBe(0);
    expect(sim.now).toBe(3.5);
    expect(sim.pending).toBe(1);
    expect(() => sim.runUntil(1)).toThrow(RangeError);
  });

  it('should cancel timers: a cancelled event never fires and runUntil stops at its horizon', () => {
    const sim = new Simulation();
    const r = new Recorder(sim);
    const timeout = sim.scheduleCancellable(1, r.target, 1);
    const later = sim.scheduleAtCancellable(5, r.target, 5);
    sim.schedule(2, r.target, 2);
    expect(sim.pending).toBe(3);
    expect(sim.isPending(timeout)).toBe(true);
    expect(sim.cancel(timeout)).toBe(true);
    expect(sim.cancel(timeout)).toBe(false);
    expect(sim.isPending(timeout)).toBe(false);
    expect(sim.pending).toBe(2);
    expect(sim.nextEventTime()).toBe(2);
    expect(sim.runUntil(1.5)).toBe(0);
    expect(sim.now).toBe(1.5);
    sim.run();
    expect(r.seen).toEqual([
      [2, 2],
      [5, 5],
    ]);
    expect(sim.cancel(later)).toBe(false); // already fired
    expect(() => sim.scheduleCancellable(-1, r.target, 0)).toThrow(RangeError);
    expect(() => sim.scheduleAtCancellable(1, r.target, 0)).toThrow(RangeError);
  });

  it('should stop a run from inside an event', () => {
    const sim = new Simulation();
    const stopper: SimComponent = { onEvent: () => sim.stop() };
    const target = sim.register(stopper);
    const r = new Recorder(sim);
    sim.schedule(1, r.target, 1);
    sim.schedule(2, target, 0);
    sim.schedule(3, r.target, 3);
    sim.run();
    expect(sim.now).toBe(2);
    expect(r.seen).toHaveLength(1);
    sim.run();
    expect(r.seen).toHaveLength(2);
  });

  it('should honour maxEvents', () => {
    const sim = new Simulation();
    const r = new Recorder(sim);
    for (let i = 0; i < 10; i++) sim.schedule(i, r.target, i);
    expect(sim.run(4)).toBe(4);
    expect(sim.pending).toBe(6);
  });

  it('should reject negative, NaN and infinite delays and past times', () => {
    const sim = new Simulation();
    const r = new Recorder(sim);
    expect(() => sim.schedule(-1, r.target, 0)).toThrow(RangeError);
    expect(() => sim.schedule(Number.NaN, r.target, 0)).toThrow(RangeError);
    expect(() => sim.schedule(Infinity, r.target, 0)).toThrow(RangeError);
    sim.runUntil(5);
    expect(() => sim.scheduleAt(4, r.target, 0)).toThrow(RangeError);
  });
});

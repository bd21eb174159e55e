import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinScenario, SCENARIO_NAMES } from '@/simulations/scenario/builtin';
import { createTopologyRun } from '@/simulations/scenario/run';
import { tinyScenario } from './helpers';

describe('createTopologyRun', () => {
  it('conserves client requests exactly: arrivals = completed + failed + inFlight', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SCENARIO_NAMES),
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0.5, max: 3, noNaN: true }),
        (name, seed, t) => {
          const scenario = builtinScenario(name);
          const run = createTopologyRun(scenario, {
            seed,
            users: Math.min(scenario.users, 10_000),
          });
          run.advanceTo(t);
          const s = run.summary();
          expect(s.arrivals).toBe(s.completed + s.failed + s.inFlight);
          expect(s.inFlight).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('is deterministic: same seed, identical summary and rows; another seed differs', () => {
    const scenario = builtinScenario('horizontal');
    const go = (seed: number) => {
      const run = createTopologyRun(scenario, { seed, users: 200_000 });
      run.advanceTo(2);
      return JSON.stringify({ s: run.summary(), rows: run.rowsSince(0) });
    };
    expect(go(5)).toBe(go(5));
    expect(go(6)).not.toBe(go(5));
  });

  it('emits one row per simulated second and never rewrites emitted rows', () => {
    const run = createTopologyRun(tinyScenario());
    run.advanceTo(3.5);
    const first = run.rowsSince(0);
    expect(first.rows.map((r) => r.t)).toEqual([1, 2, 3]);
    const copy = JSON.stringify(first.rows);
    run.advanceTo(6);
    const all = run.rowsSince(0).rows;
    expect(JSON.stringify(all.slice(0, 3))).toBe(copy);
    expect(run.rowsSince(3).rows.map((r) => r.t)).toEqual([4, 5, 6]);
  });

  it('patch changes the load and the workers live', () => {
    const run = createTopologyRun(tinyScenario());
    run.advanceTo(5);
    run.patch({ users: 3000, workers: { app: 16 } });
    run.advanceTo(10);
    const rows = run.rowsSince(0).rows;
    expect(rows[9].arrivals).toBeGreaterThan(rows[2].arrivals * 2);
    expect(run.summary().nodes.find((n) => n.id === 'app')!.workers).toBe(16);
    expect(() => run.patch({ workers: { nope: 1 } })).toThrow(/nope/);
  });

  it('injects failures live and validates them', () => {
    const run = createTopologyRun(tinyScenario());
    run.advanceTo(2);
    run.inject({ kind: 'crash', atS: 0, durationS: 2, target: 'db' });
    run.advanceTo(6);
    const s = run.summary();
    expect(s.counts.crashRejects).toBeGreaterThan(0);
    const rows = run.rowsSince(0).rows;
    expect(rows[2].errorRate).toBeGreaterThan(0.9); // second 3: the database is down
    expect(rows[5].errorRate).toBe(0); // back
    expect(() => run.inject({ kind: 'crash', atS: 1, target: 'nope' })).toThrow(/tier/);
    expect(() => run.inject({ kind: 'melt', atS: 1, target: 'db' })).toThrow();
  });

  it('a partition fails calls between two tiers while it lasts', () => {
    const run = createTopologyRun(
      tinyScenario({
        failures: [{ kind: 'partition', atS: 1, durationS: 1, target: 'app', peer: 'db' }],
      }),
    );
    run.advanceTo(3);
    const rows = run.rowsSince(0).rows;
    expect(run.summary().counts.partitioned).toBeGreaterThan(0);
    expect(rows[1].errorRate).toBeGreaterThan(0.99);
    expect(rows[2].errorRate).toBe(0);
  });

  it('a latency spike multiplies service times', () => {
    const spiked = tinyScenario({
      failures: [{ kind: 'latency', atS: 0, target: 'db', factor: 20 }],
    });
    const a = createTopologyRun(tinyScenario());
    const b = createTopologyRun(spiked);
    a.advanceTo(3);
    b.advanceTo(3);
    expect(b.summary().p50!).toBeGreaterThan(a.summary().p50! * 3);
  });
});

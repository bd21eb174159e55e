import { describe, expect, it } from 'vitest';
import { createTopologyRun } from '@/simulations/scenario/run';
import { tinyScenario } from './helpers';

/**
 * Exact symmetry: 8 identical app servers and 8 identical database shards behind random
 * balancing. Simulating 1 of each at 1/8 of the traffic must give the same per-request statistics
 * as simulating all 8, within the noise of the sample.
 */
const scenario = tinyScenario({
  users: 11_200, // 11,200 requests/s: ρ = 0.7 at the app servers (8 × 4 workers at 2 ms)
  tiers: [
    {
      id: 'app',
      kind: 'app',
      count: 8,
      workers: 4,
      serviceMs: { default: 2 },
      balancing: { policy: 'random' },
      calls: { '*': [{ to: 'db' }] },
    },
    { id: 'db', kind: 'db', count: 8, workers: 4, serviceMs: { default: 1 } },
  ],
});

function stats(divisor: number, seeds: number[], duration: number) {
  let sum = 0;
  let n = 0;
  let p99 = 0;
  let util = 0;
  for (const seed of seeds) {
    const run = createTopologyRun(scenario, { seed, divisor });
    run.advanceTo(duration);
    const s = run.summary();
    expect(s.nodes.every((x) => x.exact)).toBe(true);
    sum += s.p50! + s.p99!;
    n++;
    p99 += s.p99!;
    util += s.nodes[0].utilization;
    expect(s.sampling.divisor).toBe(divisor);
  }
  return { mid: sum / n, p99: p99 / n, util: util / n };
}

describe('sampling by symmetry', () => {
  it('1 of 8 replicas at 1/8 of the traffic agrees with the full simulation', () => {
    const full = stats(1, [1], 20);
    const sampled = stats(8, [2, 3, 4, 5], 40);
    expect(Math.abs(sampled.util - full.util)).toBeLessThan(0.02);
    expect(sampled.p99 / full.p99).toBeGreaterThan(0.92);
    expect(sampled.p99 / full.p99).toBeLessThan(1.08);
    expect(sampled.mid / full.mid).toBeGreaterThan(0.94);
    expect(sampled.mid / full.mid).toBeLessThan(1.06);
  });

  it('reports full-system counts (sample × divisor) that still conserve', () => {
    const run = createTopologyRun(scenario, { divisor: 8 });
    run.advanceTo(5);
    const s = run.summary();
    expect(s.arrivals % 8).toBe(0);
    expect(s.arrivals).toBe(s.completed + s.failed + s.inFlight);
    expect(s.arrivals / 5).toBeGreaterThan(11_200 * 0.95);
    expect(s.arrivals / 5).toBeLessThan(11_200 * 1.05);
  });
});

import { describe, expect, it } from 'vitest';
import { builtinScenario, type ScenarioName } from '@/simulations/scenario/builtin';
import { createTopologyRun } from '@/simulations/scenario/run';

/**
 * The SLO pattern of the scenarios (p99 < 500 ms and errors < 1%). Short runs: each verdict is
 * already clear after 10 simulated seconds (the 60 s sweeps are in scripts/bench/topology.ts).
 */
function verdict(name: ScenarioName, users: number, duration = 10) {
  const run = createTopologyRun(builtinScenario(name), { users });
  run.advanceTo(duration);
  return run.summary();
}

describe('scenario calibration', () => {
  it('monolith meets the SLO at 50K users and misses it at 500K', () => {
    const ok = verdict('monolith', 50_000);
    expect(ok.meetsSlo).toBe(true);
    const bad = verdict('monolith', 500_000);
    expect(bad.meetsSlo).toBe(false);
    // The app server is the bottleneck, not the database.
    const app = bad.nodes.find((n) => n.id === 'app')!;
    const db = bad.nodes.find((n) => n.id === 'db')!;
    expect(app.utilization).toBeGreaterThan(0.95);
    expect(db.utilization).toBeLessThan(0.8);
  });

  it('horizontal meets it at 1M users and misses it at 10M (the primary saturates)', () => {
    expect(verdict('horizontal', 1_000_000).meetsSlo).toBe(true);
    const bad = verdict('horizontal', 10_000_000);
    expect(bad.meetsSlo).toBe(false);
    expect(bad.nodes.find((n) => n.id === 'db')!.utilization).toBeGreaterThan(0.95);
  });

  it('microservices meets it at 10M users', () => {
    const s = verdict('microservices', 10_000_000);
    expect(s.meetsSlo).toBe(true);
    expect(s.hiddenCosts.deployableUnits).toBeGreaterThan(
      verdict('monolith', 1000, 1).hiddenCosts.deployableUnits,
    );
  });

  it('the cache takes reads off the monolith database but not the app server', () => {
    const plain = verdict('monolith', 100_000, 5);
    const cached = verdict('monolith-cache', 100_000, 5);
    const db = (s: typeof plain) => s.nodes.find((n) => n.id === 'db')!.utilization;
    expect(db(cached)).toBeLessThan(db(plain) * 0.8);
    expect(verdict('monolith-cache', 500_000, 5).meetsSlo).toBe(false);
  });
});

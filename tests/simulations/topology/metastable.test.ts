import { describe, expect, it } from 'vitest';
import { builtinScenario } from '@/simulations/scenario/builtin';
import { createTopologyRun } from '@/simulations/scenario/run';

/** Mean goodput (successes before the timeout, per second) over rows with t in (from, to]. */
function goodput(name: 'metastable-retry' | 'metastable-retry-breaker', from: number, to: number) {
  const run = createTopologyRun(builtinScenario(name));
  run.advanceTo(to);
  const rows = run.rowsSince(0).rows.filter((r) => r.t > from && r.t <= to);
  return rows.reduce((a, r) => a + r.goodput, 0) / rows.length;
}

describe('metastable failure (capacity halved for t = 20–30 s at 75% load)', () => {
  it('both are stable before the trigger', () => {
    expect(goodput('metastable-retry', 5, 20)).toBeGreaterThan(65);
    expect(goodput('metastable-retry-breaker', 5, 20)).toBeGreaterThan(65);
  });

  it('with aggressive retries goodput stays near zero long after capacity returns', () => {
    expect(goodput('metastable-retry', 60, 90)).toBeLessThan(7.5); // < 10% of the 75/s offered
  });

  it('with a circuit breaker and a retry budget it recovers', () => {
    expect(goodput('metastable-retry-breaker', 45, 90)).toBeGreaterThan(65);
  });
});

import { describe, expect, it } from 'vitest';
import { BUILTIN_SCENARIOS, SCENARIO_NAMES, builtinScenario } from '@/simulations/scenario/builtin';
import { parseScenario, ScenarioError } from '@/simulations/scenario/schema';

const clone = () => structuredClone(BUILTIN_SCENARIOS.horizontal) as Record<string, unknown>;

function errorOf(json: unknown): string {
  try {
    parseScenario(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).message;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario schema', () => {
  it('accepts every built-in scenario, each with a stated bottleneck', () => {
    for (const name of SCENARIO_NAMES) {
      const s = builtinScenario(name);
      expect(s.name).toBe(name);
      expect(s.bottleneck.length).toBeGreaterThan(80);
    }
  });

  it('names the JSON path of the first problem', () => {
    const a = clone();
    (a.tiers as { workers: unknown }[])[2].workers = 'many';
    expect(errorOf(a)).toMatch(/^tiers\[2\]\.workers: /);
    const b = clone();
    (b.tiers as { calls: Record<string, { to: string }[]> }[])[2].calls['*'][0].to = 'nowhere';
    expect(errorOf(b)).toMatch(/^tiers\[2\]\.calls\.\*\[0\]\.to: no tier nowhere/);
    const c = clone();
    c.failures = [{ kind: 'partition', atS: 1, target: 'app' }];
    expect(errorOf(c)).toMatch(/^failures\[0\]\.peer/);
    const d = clone();
    d.extra = 1;
    expect(errorOf(d)).toMatch(/^\(root\)|extra/);
  });
});

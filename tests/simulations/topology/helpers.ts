import { parseScenario, type Scenario, type ScenarioInput } from '@/simulations/scenario/schema';

/** A small valid scenario for unit tests; `patch` overrides top-level fields. */
export function tinyScenario(patch: Partial<ScenarioInput> = {}): Scenario {
  const base: ScenarioInput = {
    name: 'tiny',
    title: 'tiny',
    description: 'test topology',
    bottleneck: 'none',
    users: 1000,
    durationS: 10,
    load: {
      requestIntervalS: 1,
      endpoints: [
        { name: 'read', weight: 0.8 },
        { name: 'write', weight: 0.2, write: true },
      ],
      keys: { count: 1000, zipf: 0.8 },
      client: { timeoutS: 5 },
    },
    entry: 'app',
    tiers: [
      {
        id: 'app',
        kind: 'app',
        workers: 8,
        serviceMs: { default: 2 },
        calls: { '*': [{ to: 'db' }] },
      },
      { id: 'db', kind: 'db', workers: 8, serviceMs: { default: 1 } },
    ],
  };
  return parseScenario({ ...base, ...patch });
}

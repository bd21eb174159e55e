import horizontal from '../../content/scenarios/horizontal.json';
import metastableRetry from '../../content/scenarios/metastable-retry.json';
import metastableRetryBreaker from '../../content/scenarios/metastable-retry-breaker.json';
import microservices from '../../content/scenarios/microservices.json';
import monolith from '../../content/scenarios/monolith.json';
import monolithCache from '../../content/scenarios/monolith-cache.json';
import readReplicas from '../../content/scenarios/read-replicas.json';
import { parseScenario, type Scenario } from './schema';

/** The built-in scenarios as raw JSON (validate with parseScenario before use). */
export const BUILTIN_SCENARIOS = {
  monolith,
  'monolith-cache': monolithCache,
  'read-replicas': readReplicas,
  horizontal,
  microservices,
  'metastable-retry': metastableRetry,
  'metastable-retry-breaker': metastableRetryBreaker,
} as const satisfies Record<string, unknown>;

export type ScenarioName = keyof typeof BUILTIN_SCENARIOS;
export const SCENARIO_NAMES = Object.keys(BUILTIN_SCENARIOS) as ScenarioName[];

/** A built-in scenario, validated. */
export function builtinScenario(name: ScenarioName): Scenario {
  return parseScenario(BUILTIN_SCENARIOS[name]);
}

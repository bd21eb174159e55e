import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BUILTIN_SCENARIOS, SCENARIO_NAMES, type ScenarioName } from './builtin';
import { parseScenario, ScenarioError, type Scenario } from './schema';

/**
 * Loads a scenario by built-in name or by file path (Node only: the browser imports the JSON and
 * calls parseScenario). Throws ScenarioError naming the JSON path of the first problem.
 */
export function loadScenario(nameOrPath: string): Scenario {
  if ((SCENARIO_NAMES as readonly string[]).includes(nameOrPath))
    return parseScenario(BUILTIN_SCENARIOS[nameOrPath as ScenarioName]);
  const path = resolve(nameOrPath);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ScenarioError(
      '(file)',
      `cannot read ${nameOrPath} (known names: ${SCENARIO_NAMES.join(', ')})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError('(file)', `not JSON: ${(error as Error).message}`);
  }
  return parseScenario(json);
}

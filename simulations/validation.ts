/**
 * "Theory vs this engine": the cases shown on /validation/. Pure (no DOM, no timers): the page runs
 * them in a Web Worker through SimulationApi, tests run them in-process.
 *
 * Each case simulates a model with a closed-form answer and reports a 95% confidence interval:
 * batch means within one long run for means (the waits of successive customers are correlated, so
 * a naive standard error would be far too small), or independent seeded replications for
 * quantities without a batch interval (percentiles, drop rates, counts).
 */
import { validationCases } from './validation/cases';
import type {
  ValidationCaseInfo,
  ValidationResult,
  ValidationRunOptions,
} from './validation/types';

export { validationCases } from './validation/cases';
export type {
  ValidationCaseInfo,
  ValidationResult,
  ValidationRunOptions,
} from './validation/types';

/** The cases without their run functions (safe to send to the page or over postMessage). */
export function listValidationCases(): ValidationCaseInfo[] {
  return validationCases.map(({ run: _run, ...info }) => info);
}

export function runValidationCase(id: string, seed = 1, scale = 1): ValidationResult {
  const c = validationCases.find((v) => v.id === id);
  if (!c) throw new RangeError(`unknown validation case ${id}`);
  // Each case gets its own seed so cases do not share random numbers (their errors would be
  // correlated); the run seed stays the single knob. Safe: seed < 1e9 ⇒ < 1e14 < 2^53.
  const caseSeed = seed * 100 + validationCases.indexOf(c);
  const { ci, events } = c.run(caseSeed, scale);
  const { run: _run, ...info } = c;
  const error = Math.abs(ci.mean - c.theory);
  const verdict = error <= ci.halfWidth ? 'inside' : error <= 2 * ci.halfWidth ? 'near' : 'outside';
  return {
    ...info,
    seed,
    simulated: ci.mean,
    halfWidth: ci.halfWidth,
    relativeError: ci.mean / c.theory - 1,
    verdict,
    events,
  };
}

/** Runs the cases in order, reporting each result as soon as it is ready. */
export function runValidation(
  options: ValidationRunOptions = {},
  onResult?: (result: ValidationResult, index: number, total: number) => void,
): ValidationResult[] {
  const ids = options.caseIds ?? validationCases.map((c) => c.id);
  return ids.map((id, i) => {
    const result = runValidationCase(id, options.seed ?? 1, options.scale ?? 1);
    onResult?.(result, i, ids.length);
    return result;
  });
}

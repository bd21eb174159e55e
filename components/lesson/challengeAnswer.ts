// Pure answer checking for <Challenge>, shipped to the browser. The props schema lives in
// challengeSchema.ts, which only the server component imports: zod stays out of first-load JS.
import type { ChallengeSpec } from './challengeSchema';

export type { ChallengeSpec };

/**
 * Cross-field rules zod's per-field schema cannot state: the answer is a choice index and the
 * feedback has one entry per choice. Returns the problem, or null.
 */
export function choiceSpecProblem(spec: ChallengeSpec): string | null {
  if (!isChoice(spec)) return null;
  if (spec.answer >= spec.choices.length) return `answer ${spec.answer} is not a choice index`;
  if (spec.feedback && spec.feedback.length !== spec.choices.length) {
    return `feedback has ${spec.feedback.length} entries for ${spec.choices.length} choices`;
  }
  return null;
}

export function isChoice(
  spec: ChallengeSpec,
): spec is Extract<ChallengeSpec, { choices: string[] }> {
  return 'choices' in spec;
}

/**
 * Reads a number as people type it: "10500", "10,500", "10 500", "1.05e4", "10.5k", "2M".
 * Returns null for anything else.
 */
export function parseNumberInput(raw: string): number | null {
  const text = raw
    .trim()
    .replace(/[\s,_]/g, '')
    .toLowerCase();
  const match = /^(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)([km]?)$/.exec(text);
  if (!match) return null;
  const factor = match[2] === 'k' ? 1e3 : match[2] === 'm' ? 1e6 : 1;
  const value = Number(match[1]) * factor;
  return Number.isFinite(value) ? value : null;
}

export function isWithinTolerance(value: number, answer: number, tolerance = 0.01): boolean {
  if (answer === 0) return Math.abs(value) <= tolerance;
  return Math.abs(value - answer) <= Math.abs(answer) * tolerance + 1e-12;
}

// Pure answer checking for <Challenge>, shipped to the browser. The props schema lives in
// challengeSchema.ts, which only the server component imports: zod stays out of first-load JS.
import type { ChallengeSpec } from './challengeSchema';

export type { ChallengeSpec };

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

import { z } from 'zod';

/** Props a lesson author gives <Challenge>; validated so a typo fails the build with a clear message. */
export const challengePropsSchema = z.union([
  z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'id: lowercase letters, digits and dashes'),
    question: z.string().min(5),
    choices: z.array(z.string().min(1)).min(2).max(8),
    answer: z.number().int().nonnegative(),
  }),
  z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'id: lowercase letters, digits and dashes'),
    question: z.string().min(5),
    answer: z.number().finite(),
    /** Relative tolerance, e.g. 0.05 accepts ±5% (default ±1%). */
    tolerance: z.number().min(0).max(1).optional(),
    unit: z.string().optional(),
  }),
]);

export type ChallengeSpec = z.infer<typeof challengePropsSchema>;

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

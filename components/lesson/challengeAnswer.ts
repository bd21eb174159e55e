// zod/mini: the same validation as zod with a tree-shakable API, because this module ships in
// every lesson page's first-load JavaScript (full zod adds ~33 KB gzip there).
import { z } from 'zod/mini';

const ID = /^[a-z0-9-]+$/;

/** Props a lesson author gives <Challenge>; validated so a typo fails the build with a clear message. */
export const challengePropsSchema = z.union([
  z.strictObject({
    id: z.string().check(z.regex(ID, 'id: lowercase letters, digits and dashes')),
    question: z.string().check(z.minLength(5)),
    choices: z.array(z.string().check(z.minLength(1))).check(z.minLength(2), z.maxLength(8)),
    answer: z.int().check(z.nonnegative()),
    /**
     * One sentence per choice, in the same order: why a wrong choice is wrong (shown when it is
     * picked), and for the right one, why it is right. Same length as `choices`.
     */
    feedback: z.optional(
      z.array(z.string().check(z.minLength(1))).check(z.minLength(2), z.maxLength(8)),
    ),
  }),
  z.strictObject({
    id: z.string().check(z.regex(ID, 'id: lowercase letters, digits and dashes')),
    question: z.string().check(z.minLength(5)),
    answer: z.number(),
    /** Relative tolerance, e.g. 0.05 accepts ±5% (default ±1%). */
    tolerance: z.optional(z.number().check(z.gte(0), z.lte(1))),
    unit: z.optional(z.string()),
  }),
]);

export type ChallengeSpec = z.infer<typeof challengePropsSchema>;

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

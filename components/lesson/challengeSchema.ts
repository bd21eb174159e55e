// The props a lesson author gives <Challenge>, checked at build time by the server component
// (Challenge.tsx). Client code imports only the type, so none of this ships to the browser.
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

import type { ReactNode } from 'react';
import { choiceSpecProblem } from './challengeAnswer';
import { ChallengeForm } from './ChallengeForm';
import { challengePropsSchema } from './challengeSchema';

/**
 * Predict-then-check question. Multiple choice (`choices` + `answer` index + optional `feedback`,
 * one sentence per choice saying why it is wrong, or right) or numeric (`answer` + relative
 * `tolerance` + `unit`). The explanation (children) shows once the reader answers right
 * or asks for the answer; completion is remembered in localStorage.
 *
 * A server component: the props are checked with zod when the page is built (a typo fails the
 * build), and only the checked spec goes to the client form, so zod never reaches the browser.
 */
export function Challenge(props: {
  id: string;
  question: string;
  choices?: string[];
  feedback?: string[];
  answer: number;
  tolerance?: number;
  unit?: string;
  children?: ReactNode;
}) {
  const { children, ...rest } = props;
  const parsed = challengePropsSchema.safeParse(rest);
  if (!parsed.success) {
    throw new Error(`<Challenge id="${props.id}">: invalid props: ${parsed.error.message}`);
  }
  const spec = parsed.data;
  const problem = choiceSpecProblem(spec);
  if (problem) throw new Error(`<Challenge id="${spec.id}">: ${problem}`);
  return <ChallengeForm spec={spec}>{children}</ChallengeForm>;
}

import type { ReactNode } from 'react';
import { isChoice } from './challengeAnswer';
import { ChallengeForm } from './ChallengeForm';
import { challengePropsSchema } from './challengeSchema';

/**
 * Predict-then-check question. Multiple choice (`choices` + `answer` index) or numeric (`answer` +
 * relative `tolerance` + `unit`). The explanation (children) shows once the reader answers right
 * or asks for the answer; completion is remembered in localStorage.
 *
 * A server component: the props are checked with zod when the page is built (a typo fails the
 * build), and only the checked spec goes to the client form, so zod never reaches the browser.
 */
export function Challenge(props: {
  id: string;
  question: string;
  choices?: string[];
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
  if (isChoice(spec) && spec.answer >= spec.choices.length) {
    throw new Error(`<Challenge id="${spec.id}">: answer ${spec.answer} is not a choice index`);
  }
  return <ChallengeForm spec={spec}>{children}</ChallengeForm>;
}

'use client';

import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { browserStorage as storage } from './browserStorage';
import {
  challengePropsSchema,
  type ChallengeSpec,
  choiceSpecProblem,
  isChoice,
  isWithinTolerance,
  parseNumberInput,
} from './challengeAnswer';
import { readStatus, saveStatus, saveWrongAnswer, type ChallengeStatus } from './challengeProgress';

type Feedback =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string }
  | { kind: 'wrong'; message: string }
  | { kind: 'right'; why?: string }
  | { kind: 'revealed' };

/**
 * Predict-then-check question. Multiple choice (`choices` + `answer` index + optional `feedback`,
 * one sentence per choice saying why it is wrong, or right) or numeric (`answer` + relative
 * `tolerance` + `unit`). The explanation (children) shows once the reader answers right
 * or asks for the answer; completion is remembered in localStorage.
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

function ChallengeForm({ spec, children }: { spec: ChallengeSpec; children?: ReactNode }) {
  const uid = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [feedback, setFeedback] = useState<Feedback>({ kind: 'idle' });
  const [stored, setStored] = useState<ChallengeStatus | null>(null);

  useEffect(() => setStored(readStatus(storage(), spec.id)), [spec.id]);

  const complete = (status: ChallengeStatus) => {
    saveStatus(storage(), spec.id, status, new Date());
    setStored((prev) => (prev === 'solved' ? prev : status));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (isChoice(spec)) {
      if (choice === null)
        return setFeedback({ kind: 'invalid', message: 'Pick one answer first.' });
      if (choice === spec.answer) {
        setFeedback({ kind: 'right', why: spec.feedback?.[choice] });
        return complete('solved');
      }
      const why = spec.feedback?.[choice];
      saveWrongAnswer(storage(), spec.id, spec.choices[choice] ?? String(choice));
      return setFeedback({
        kind: 'wrong',
        message: why
          ? `Not quite: ${why}`
          : 'Not quite. Think about it once more, or reveal the answer.',
      });
    }
    const value = parseNumberInput(text);
    if (value === null) {
      return setFeedback({
        kind: 'invalid',
        message: 'Enter a number, such as 10500, 10,500 or 10.5k.',
      });
    }
    if (isWithinTolerance(value, spec.answer, spec.tolerance)) {
      setFeedback({ kind: 'right' });
      return complete('solved');
    }
    saveWrongAnswer(storage(), spec.id, String(value));
    const direction = value < spec.answer ? 'too low' : 'too high';
    setFeedback({
      kind: 'wrong',
      message: `Not quite: ${value.toLocaleString('en-US')} is ${direction}.`,
    });
  };

  const reveal = () => {
    setFeedback({ kind: 'revealed' });
    complete('revealed');
  };

  const showExplanation = feedback.kind === 'right' || feedback.kind === 'revealed';
  const answerText = isChoice(spec)
    ? spec.choices[spec.answer]
    : `${spec.answer.toLocaleString('en-US')}${spec.unit ? ` ${spec.unit}` : ''}`;

  return (
    <section
      className="challenge"
      data-testid="challenge"
      data-challenge-id={spec.id}
      aria-labelledby={`${uid}-q`}
    >
      <div className="challenge-head">
        <span className="challenge-label">Challenge</span>
        {stored && (
          <span className="challenge-done" data-testid="challenge-done">
            {stored === 'solved' ? '✓ Solved' : 'Answer seen'}
          </span>
        )}
      </div>
      <form onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend id={`${uid}-q`} className="challenge-question">
            {spec.question}
          </legend>
          {isChoice(spec) ? (
            <div className="challenge-choices">
              {spec.choices.map((label, i) => (
                <label key={label} className="challenge-choice">
                  <input
                    type="radio"
                    name={`${uid}-choice`}
                    value={i}
                    checked={choice === i}
                    onChange={() => setChoice(i)}
                  />
                  <span>{label}</span>
                </label>
              ))}
            </div>
          ) : (
            <label className="challenge-numeric">
              <span className="visually-hidden">Your answer</span>
              <input
                type="text"
                inputMode="decimal"
                autoComplete="off"
                data-testid="challenge-input"
                value={text}
                onChange={(e) => setText(e.target.value)}
                aria-describedby={`${uid}-fb`}
              />
              {spec.unit && <span className="challenge-unit">{spec.unit}</span>}
            </label>
          )}
        </fieldset>
        <div className="challenge-actions">
          <button type="submit" className="button" data-testid="challenge-check">
            Check
          </button>
          {feedback.kind === 'wrong' && (
            <button
              type="button"
              className="button button-secondary"
              onClick={reveal}
              data-testid="challenge-reveal"
            >
              Reveal the answer
            </button>
          )}
        </div>
      </form>
      <div
        id={`${uid}-fb`}
        role="status"
        aria-live="polite"
        data-testid="challenge-feedback"
        className={`challenge-feedback challenge-${feedback.kind}`}
      >
        {feedback.kind === 'invalid' && <p>{feedback.message}</p>}
        {feedback.kind === 'wrong' && <p>{feedback.message}</p>}
        {feedback.kind === 'right' && (
          <p className="challenge-verdict">Correct.{feedback.why ? ` ${feedback.why}` : ''}</p>
        )}
        {feedback.kind === 'revealed' && (
          <p className="challenge-verdict">The answer: {answerText}.</p>
        )}
      </div>
      {showExplanation && children && <div className="challenge-explanation">{children}</div>}
    </section>
  );
}

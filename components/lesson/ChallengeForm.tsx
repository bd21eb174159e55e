'use client';

import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import {
  isChoice,
  isWithinTolerance,
  parseNumberInput,
  type ChallengeSpec,
} from './challengeAnswer';
import { browserStorage as storage } from './browserStorage';
import type { ChallengeStatus } from './challengeProgress';

type Feedback =
  | { kind: 'idle' }
  | { kind: 'invalid'; message: string }
  | { kind: 'wrong'; message: string }
  | { kind: 'right'; why?: string }
  | { kind: 'revealed' };

/**
 * Completion is read and written through challengeProgress.ts, loaded on first use: its zod check
 * of what localStorage holds (untrusted) would otherwise put zod in every page's first-load JS.
 */
const progress = () => import('./challengeProgress');

export function ChallengeForm({ spec, children }: { spec: ChallengeSpec; children?: ReactNode }) {
  const uid = useId();
  const [choice, setChoice] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [feedback, setFeedback] = useState<Feedback>({ kind: 'idle' });
  const [stored, setStored] = useState<ChallengeStatus | null>(null);

  useEffect(() => {
    let live = true;
    void progress().then(({ readStatus }) => {
      if (live) setStored(readStatus(storage(), spec.id));
    });
    return () => {
      live = false;
    };
  }, [spec.id]);

  const complete = (status: ChallengeStatus) => {
    const at = new Date();
    void progress().then(({ saveStatus }) => saveStatus(storage(), spec.id, status, at));
    setStored((prev) => (prev === 'solved' ? prev : status));
  };

  /** Wrong answers are kept (a few per challenge) for the workshop room's discussion prompts. */
  const saveWrong = (answer: string) => {
    void progress().then(({ saveWrongAnswer }) => saveWrongAnswer(storage(), spec.id, answer));
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
      saveWrong(spec.choices[choice] ?? String(choice));
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
    saveWrong(String(value));
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

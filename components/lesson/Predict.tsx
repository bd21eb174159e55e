'use client';

import { useEffect, useId, useState, useSyncExternalStore, type FormEvent } from 'react';
import { parseNumberInput } from './challengeAnswer';
import { resultSnapshot, subscribeResult, type MeasurementKey } from './experimentResults';
import { readPrediction, saveGuess, saveResult, type PredictionEntry } from './predictionStore';
import {
  compareGuess,
  describeVerdict,
  formatValue,
  toPredictSpec,
  type PredictSpec,
} from './predictSpec';
import './predict.css';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function useResult(key: MeasurementKey) {
  return useSyncExternalStore(
    (listener) => subscribeResult(key, listener),
    () => resultSnapshot(key),
    () => undefined,
  );
}

/**
 * `<Predict id="…" measure="n-plus-one.before-queries" question="…" />`: the reader commits to a
 * guess before the experiment runs; when the widget on the page publishes the measured value
 * (experimentResults.ts), the guess and the result show side by side. Both are remembered in
 * localStorage (predictionStore.ts) for the reader and for a workshop hand-in.
 */
export function Predict(props: Record<string, unknown>) {
  const checked = toPredictSpec(props);
  if ('error' in checked) {
    throw new Error(`<Predict id="${String(props.id)}">: invalid props: ${checked.error}`);
  }
  return <PredictForm spec={checked.spec} />;
}

function PredictForm({ spec }: { spec: PredictSpec }) {
  const uid = useId();
  const [entry, setEntry] = useState<PredictionEntry | null>(null);
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const live = useResult(spec.measure);

  useEffect(() => setEntry(readPrediction(storage(), spec.id)), [spec.id]);

  // A result that arrives after the guess is stored next to it (the latest run wins).
  useEffect(() => {
    if (!live || !entry || entry.result === live.value) return;
    saveResult(storage(), spec.id, live.value);
    setEntry({ ...entry, result: live.value });
  }, [live, entry, spec.id]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    let guess: number | string;
    if (spec.kind === 'choice') {
      if (choice === null) return setError('Pick one answer first.');
      guess = choice;
    } else {
      const value = parseNumberInput(text.replace(/[%×x]\s*$/i, ''));
      if (value === null) return setError('Enter a number, such as 300, 1,000 or 2.5k.');
      guess = value;
    }
    setError(null);
    const late = live !== undefined;
    const saved = saveGuess(storage(), spec.id, guess, {
      now: new Date(),
      late,
      measure: spec.measure,
    });
    // Storage blocked or full: keep the guess for this page view.
    setEntry(saved ?? { guess, at: new Date().toISOString(), ...(late ? { late } : {}) });
  };

  const result = live?.value ?? entry?.result;
  const verdict =
    entry && result !== undefined ? compareGuess(entry.guess, result, spec.tolerance) : null;

  return (
    <section
      className="predict"
      data-testid="predict"
      data-predict-id={spec.id}
      data-measure={spec.measure}
      aria-labelledby={`${uid}-q`}
    >
      <div className="predict-head">
        <span className="predict-label">Predict</span>
        {entry && <span className="predict-locked">Guess locked in</span>}
      </div>
      {!entry ? (
        <form onSubmit={onSubmit} noValidate>
          <fieldset>
            <legend id={`${uid}-q`} className="predict-question">
              {spec.question}
            </legend>
            {spec.kind === 'choice' ? (
              <div className="challenge-choices">
                {spec.choices.map((label) => (
                  <label key={label} className="challenge-choice">
                    <input
                      type="radio"
                      name={`${uid}-choice`}
                      value={label}
                      checked={choice === label}
                      onChange={() => setChoice(label)}
                    />
                    <span>{label}</span>
                  </label>
                ))}
              </div>
            ) : (
              <label className="challenge-numeric">
                <span className="visually-hidden">Your guess</span>
                <input
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  data-testid="predict-input"
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  aria-describedby={`${uid}-fb`}
                />
                <span className="challenge-unit">{spec.unit}</span>
              </label>
            )}
          </fieldset>
          <div className="challenge-actions">
            <button type="submit" className="button" data-testid="predict-lock">
              Lock in my guess
            </button>
          </div>
        </form>
      ) : (
        <p id={`${uid}-q`} className="predict-question">
          {spec.question}
        </p>
      )}
      <div
        id={`${uid}-fb`}
        role="status"
        aria-live="polite"
        data-testid="predict-feedback"
        className="predict-feedback"
      >
        {error && <p className="predict-error">{error}</p>}
        {entry && (
          <dl className="predict-compare">
            <div>
              <dt>Your guess</dt>
              <dd data-testid="predict-guess">{formatValue(entry.guess, spec.unit)}</dd>
            </div>
            <div>
              <dt>{live ? 'Measured' : 'Measured (your last run)'}</dt>
              <dd data-testid="predict-result">
                {result === undefined
                  ? 'not yet: run the experiment'
                  : formatValue(result, spec.unit)}
              </dd>
            </div>
          </dl>
        )}
        {verdict && (
          <p className={`predict-verdict predict-${verdict.kind}`} data-testid="predict-verdict">
            {describeVerdict(verdict, spec.kind)}
          </p>
        )}
        {entry?.late && (
          <p className="predict-note">
            You guessed after the experiment had already run on this page; the guess is marked as
            made after the fact.
          </p>
        )}
      </div>
    </section>
  );
}

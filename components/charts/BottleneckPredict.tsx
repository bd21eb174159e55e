'use client';

import { useId, useState, type FormEvent } from 'react';
import { parseNumberInput } from '@/components/lesson/challengeAnswer';
import { firstBottleneck, formatCount, TIER_LABELS, type ModelSettings } from './capacityModel';

export interface Guess {
  tier: 'primary' | 'app';
  users: number;
}

/** How far a guess is from the model, as a factor ≥ 1 ("2.1× too low"). */
export function guessFactor(guess: number, actual: number): { factor: number; low: boolean } {
  return guess <= actual
    ? { factor: actual / guess, low: true }
    : { factor: guess / actual, low: false };
}

/**
 * Predict before you look: the reader names the tier that fills first and guesses the users, then
 * the chart shows its crossings and this says how far the guess was. Inline here because the
 * lessons had no shared predict component when this was written.
 */
export function BottleneckPredict({
  settings,
  guess,
  onGuess,
}: {
  settings: ModelSettings;
  guess: Guess | null;
  onGuess: (g: Guess | null) => void;
}) {
  const id = useId();
  const [tier, setTier] = useState<Guess['tier'] | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const users = parseNumberInput(text);
    if (!tier) return setError('Pick the tier you think fills first.');
    if (users === null || users < 1)
      return setError('Enter a number of users, such as 30000 or 30k.');
    setError(null);
    onGuess({ tier, users });
  };

  if (guess) {
    const first = firstBottleneck(settings);
    const { factor, low } = guessFactor(guess.users, first.users);
    return (
      <div className="model-predict" data-testid="model-predict-result">
        <p role="status">
          You predicted <strong>{TIER_LABELS[guess.tier].toLowerCase()}</strong> at{' '}
          {formatCount(guess.users)} users. With these settings the model says{' '}
          <strong>{TIER_LABELS[first.tier].toLowerCase()}</strong> fills first, at{' '}
          <strong>{formatCount(first.users)} users</strong>
          {guess.tier === first.tier ? ': right tier' : ': the other tier'}, and your number is{' '}
          {factor < 1.1 ? 'within 10%' : `${factor.toFixed(1)}× too ${low ? 'low' : 'high'}`}.
        </p>
        <button type="button" className="button button-secondary" onClick={() => onGuess(null)}>
          Predict again
        </button>
      </div>
    );
  }
  return (
    <form className="model-predict" onSubmit={submit} noValidate data-testid="model-predict">
      <fieldset>
        <legend>
          Predict first: with the settings above, which tier fills one machine first, and at about
          how many users?
        </legend>
        <div className="model-radios">
          {(['primary', 'app'] as const).map((t) => (
            <label key={t}>
              <input
                type="radio"
                name={`${id}-tier`}
                checked={tier === t}
                onChange={() => setTier(t)}
              />{' '}
              {TIER_LABELS[t]}
            </label>
          ))}
        </div>
        <label className="model-guess">
          At about{' '}
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={error ? `${id}-err` : undefined}
            data-testid="model-guess-users"
          />{' '}
          users
        </label>
      </fieldset>
      <button type="submit" className="button" data-testid="model-reveal">
        Reveal the crossings
      </button>
      {error && (
        <p id={`${id}-err`} className="model-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

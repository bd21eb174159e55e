'use client';

import { useId, useState } from 'react';
import { CheckedChallenge } from '@/components/lesson/CheckedChallenge';
import { readyLabClient } from '@/components/querylab/labClient';
import { STRATEGY_LABELS, WINDOW_CHOICES_MS } from '@/components/consistency/consistencyText';
import type { ReplicaLagResult, ReplicaStrategy } from '@/lib/db/labs/replica-lag';
import { checkReplica, REPLICA_CHALLENGE, type ReplicaChoice } from './replicaCheck';
import '@/components/charts/charts.css';

const STRATEGIES: readonly ReplicaStrategy[] = ['replica', 'primary-window', 'version-token'];

async function runReplica(
  choice: ReplicaChoice,
  lagMs: number,
  seed: number,
): Promise<ReplicaLagResult> {
  const client = await readyLabClient('consistency');
  const r = await client.runConsistencyLab({
    lab: 'replica-lag',
    strategy: choice.strategy,
    windowMs: choice.windowMs,
    lagMs,
    seed,
  });
  if (r.lab !== 'replica-lag') throw new Error('the lab returned another experiment');
  return r;
}

/** `<ReplicaChallenge />`: zero vanished messages at the lowest primary load, checked by the lab. */
export function ReplicaChallenge() {
  const id = useId();
  const [choice, setChoice] = useState<ReplicaChoice>({ ...REPLICA_CHALLENGE.start });
  return (
    <CheckedChallenge
      id="consistency-read-your-writes"
      goal={
        <>
          Your replica lags <strong>1 s</strong> on average. Pick how reads are routed so that{' '}
          <strong>no user ever reloads and finds their own message gone</strong>, while sending the{' '}
          <strong>fewest queries to the primary</strong>. Check runs the lab&apos;s scripted chat
          (seed {REPLICA_CHALLENGE.seed}) with your choice (the first check starts Postgres).
        </>
      }
      checkLabel="Check: replay the chat"
      check={() => checkReplica(runReplica, choice)}
      explanation={
        <p>
          A fixed window has to cover the worst lag, so it sends many reads to the primary that the
          replica could already answer. The version token asks the replica how far it has got and
          goes to the primary only while the replica has not yet applied that user&apos;s write.
          Other users can still see stale channels: read-your-writes is a promise to one user.
        </p>
      }
    >
      <fieldset className="model-radios model-radios-stacked">
        <legend className="model-slider-label">Where a user&apos;s reads go</legend>
        {STRATEGIES.map((s) => (
          <label key={s}>
            <input
              type="radio"
              name={`${id}-strategy`}
              value={s}
              checked={choice.strategy === s}
              onChange={() => setChoice({ ...choice, strategy: s })}
            />{' '}
            {STRATEGY_LABELS['replica-lag'][s]}
          </label>
        ))}
      </fieldset>
      <label className="model-slider-label" htmlFor={`${id}-window`}>
        Primary window (only for the window strategy)
      </label>{' '}
      <select
        id={`${id}-window`}
        value={choice.windowMs}
        disabled={choice.strategy !== 'primary-window'}
        onChange={(e) => setChoice({ ...choice, windowMs: Number(e.target.value) })}
      >
        {WINDOW_CHOICES_MS.map((w) => (
          <option key={w} value={w}>
            {w >= 1000 ? `${w / 1000} s` : `${w} ms`}
          </option>
        ))}
      </select>
    </CheckedChallenge>
  );
}

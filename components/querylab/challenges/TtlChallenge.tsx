'use client';

import { useId, useState } from 'react';
import { CheckedChallenge } from '@/components/lesson/CheckedChallenge';
import { checkTtl, TTL_CHALLENGE } from '@/lib/db/challenges';
import { useLab } from '../useLab';

/** Lesson 5: a TTL that keeps the hit ratio above a floor and staleness under a ceiling. */
export function TtlChallenge({ id }: { id: string }) {
  const lab = useLab('app');
  const inputId = useId();
  const [seconds, setSeconds] = useState<string>(String(TTL_CHALLENGE.startSeconds));
  const check = async () => {
    const s = Number(seconds);
    if (!Number.isFinite(s) || s < 0.1 || s > 600)
      return { pass: false, message: 'Enter a TTL between 0.1 and 600 seconds.' };
    const out = await lab.run((c) =>
      c.runCachingLab({ rttMs: 0.5, ttlMs: Math.round(s * 1000), strategies: ['ttl'] }),
    );
    const run = out?.runs.ttl;
    if (!run) throw new Error('The lab is not ready; try again in a moment.');
    return checkTtl(run);
  };
  return (
    <CheckedChallenge
      id={id}
      goal={
        <p>
          Same 200 requests, expiry only (no invalidation). Choose a TTL so that the cache answers
          at least <strong>{TTL_CHALLENGE.minHitRatio * 100}%</strong> of reads and no reader sees a
          header more than <strong>{TTL_CHALLENGE.maxStaleMs / 1000} s</strong> out of date.
        </p>
      }
      check={check}
      disabled={lab.state.kind !== 'ready' || lab.busy}
      checkLabel="Run 200 requests and check"
      explanation={
        <p>
          A window of TTLs passes here, about 5–8 s: shorter entries expire before popular channels
          are read again; longer ones stay around long after a write. The window exists only because
          this traffic is steady; with less traffic per channel it closes.
        </p>
      }
    >
      <label className="querylab-field-label" htmlFor={inputId}>
        TTL in seconds
      </label>{' '}
      <input
        id={inputId}
        className="querylab-select"
        type="number"
        inputMode="decimal"
        min={0.1}
        max={600}
        step={0.5}
        value={seconds}
        data-testid="challenge-ttl-input"
        onChange={(e) => setSeconds(e.target.value)}
      />
    </CheckedChallenge>
  );
}

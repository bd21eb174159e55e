'use client';

import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { browserStorage } from './browserStorage';
import { runCheck, type CheckResult, type CheckVerdict } from './checkedChallenge';
import { readStatus, saveStatus, type ChallengeStatus } from './challengeProgress';

export type { CheckResult } from './checkedChallenge';

/**
 * A challenge the page checks by running an experiment (the simulator, a query lab), not by
 * comparing a typed answer. Generic shell; each lesson widget supplies the experiment.
 *
 * Props:
 * - `id`: progress key (lowercase, digits, dashes), shared with <Challenge>'s store
 *   (localStorage "sw:challenges"); a pass is remembered as "solved".
 * - `goal`: what the learner must achieve, with the target numbers.
 * - `children`: the learner's controls (sliders, an editor…), owned by the caller.
 * - `check`: async; runs the experiment on the learner's current choice and returns
 *   `{ pass, message }`, the message naming the measured numbers. A throw becomes an error verdict
 *   ("could not run"), never a failed answer and never an uncaught error.
 * - `disabled`: true while the experiment cannot run yet (its engine is loading).
 * - `checkLabel`: the button's text (default "Check").
 * - `explanation`: shown under the verdict once the check has passed.
 */
export function CheckedChallenge({
  id,
  goal,
  children,
  check,
  disabled = false,
  checkLabel = 'Check',
  explanation,
}: {
  id: string;
  goal: ReactNode;
  children?: ReactNode;
  check: () => Promise<CheckResult>;
  disabled?: boolean;
  checkLabel?: string;
  explanation?: ReactNode;
}) {
  const uid = useId();
  const [verdict, setVerdict] = useState<CheckVerdict>({ kind: 'idle' });
  const [stored, setStored] = useState<ChallengeStatus | null>(null);
  // The newest click wins: a slow earlier check must not overwrite a later verdict.
  const runId = useRef(0);

  useEffect(() => setStored(readStatus(browserStorage(), id)), [id]);

  const onCheck = async () => {
    const mine = ++runId.current;
    setVerdict({ kind: 'running' });
    const next = await runCheck(check);
    if (mine !== runId.current) return;
    setVerdict(next);
    if (next.kind === 'pass') {
      saveStatus(browserStorage(), id, 'solved', new Date());
      setStored('solved');
    }
  };

  const running = verdict.kind === 'running';
  return (
    <section
      className="challenge checked-challenge"
      data-testid="checked-challenge"
      data-challenge-id={id}
      aria-labelledby={`${uid}-goal`}
    >
      <div className="challenge-head">
        <span className="challenge-label">Challenge · checked by experiment</span>
        {stored && (
          <span className="challenge-done" data-testid="challenge-done">
            {stored === 'solved' ? '✓ Solved' : 'Answer seen'}
          </span>
        )}
      </div>
      <div id={`${uid}-goal`} className="challenge-question">
        {goal}
      </div>
      {children && <div className="checked-challenge-controls">{children}</div>}
      <div className="challenge-actions">
        <button
          type="button"
          className="button"
          data-testid="challenge-check"
          disabled={disabled || running}
          aria-describedby={`${uid}-verdict`}
          onClick={() => void onCheck()}
        >
          {running ? 'Checking…' : checkLabel}
        </button>
      </div>
      <div
        id={`${uid}-verdict`}
        role="status"
        aria-live="polite"
        data-testid="challenge-feedback"
        data-verdict={verdict.kind}
        className={`challenge-feedback challenge-${verdictClass(verdict)}`}
      >
        {running && <p>Running the experiment…</p>}
        {verdict.kind === 'pass' && <p className="challenge-verdict">Passed. {verdict.message}</p>}
        {verdict.kind === 'fail' && <p>Not yet. {verdict.message}</p>}
        {verdict.kind === 'error' && <p>{verdict.message}</p>}
      </div>
      {verdict.kind === 'pass' && explanation && (
        <div className="challenge-explanation">{explanation}</div>
      )}
    </section>
  );
}

function verdictClass(verdict: CheckVerdict): string {
  if (verdict.kind === 'pass') return 'right';
  if (verdict.kind === 'fail' || verdict.kind === 'error') return 'wrong';
  return verdict.kind;
}

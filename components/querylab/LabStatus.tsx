'use client';

import type { LabState } from './labClient';
import type { UseLab } from './useLab';

/**
 * Where the lab's database is: loading (with the phase), restarting after a time limit, or failed
 * with the reason and a Retry button. Announced politely to screen readers.
 */
export function LabStatus({
  state,
  onRetry,
  callError,
}: {
  state: LabState;
  onRetry: () => void;
  /** A failed call that left the lab usable (useLab's callError). */
  callError?: string | null;
}) {
  if (state.kind === 'failed') {
    return (
      <div className="querylab-error" role="alert" data-testid="querylab-load-error">
        <p>
          <strong>The database could not start.</strong> {state.message}
        </p>
        <p>
          The lesson text does not depend on it: every number the lesson quotes is also written out.
          You can try again:
        </p>
        <button type="button" className="button" onClick={onRetry} data-testid="querylab-retry">
          Retry
        </button>
      </div>
    );
  }
  const text =
    state.kind === 'ready'
      ? `Postgres is ready (loaded in ${(state.loadMs / 1000).toFixed(1)} s).`
      : state.kind === 'idle'
        ? 'The lab starts when you scroll to it.'
        : state.message;
  return (
    <>
      <p
        className={`querylab-status querylab-status-${state.kind}`}
        role="status"
        aria-live="polite"
        data-testid="querylab-status"
        data-state={state.kind}
      >
        {state.kind !== 'ready' && state.kind !== 'idle' && (
          <span className="querylab-spinner" aria-hidden="true" />
        )}
        {text}
      </p>
      {callError && state.kind === 'ready' && (
        <p className="querylab-error-inline" role="alert" data-testid="querylab-call-error">
          That did not work: {callError} Press Reset to restore the seed data.
        </p>
      )}
    </>
  );
}

/** The Reset button every lab has, followed by the lab's status line. */
export function ResetAndStatus({
  lab,
  disabled,
  onReset,
}: {
  lab: Pick<UseLab, 'state' | 'retry' | 'callError'>;
  disabled: boolean;
  onReset: () => void;
}) {
  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        data-testid="querylab-reset"
        disabled={disabled}
        onClick={onReset}
      >
        Reset
      </button>
      <LabStatus state={lab.state} onRetry={lab.retry} callError={lab.callError} />
    </>
  );
}

'use client';

import { useEffect, useRef, useState } from 'react';
import { z } from 'zod/mini';
import type { ValidationCaseInfo, ValidationResult } from '@/simulations/validation';
import type { WorkerSimulationApi } from '@/simulations/workerTransport';
import { createSimulationWorker } from '@/simulations/workerClient';
import { formatSeconds } from './format';
import { ValidationTable } from './ValidationTable';

/** The seed field is user input: a whole number that rngStream() accepts. */
const seedSchema = z
  .string()
  .check(z.regex(/^\d{1,9}$/, 'Use a whole number from 0 to 999999999.'));

type Status =
  | { kind: 'idle' }
  | { kind: 'running'; done: number }
  | { kind: 'done'; ms: number }
  | { kind: 'error'; message: string };

/** Run button, seed, live status and the results table. The engine runs in a Web Worker. */
export function ValidationRunner({ cases }: { cases: ValidationCaseInfo[] }) {
  const [results, setResults] = useState<Record<string, ValidationResult>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [seedText, setSeedText] = useState('1');
  const [seedError, setSeedError] = useState<string | null>(null);
  const [elapsedMs, setElapsedMs] = useState(0);
  const apiRef = useRef<WorkerSimulationApi | null>(null);
  const startRef = useRef(0);

  useEffect(() => () => apiRef.current?.terminate(), []);

  // A clock that ticks while the worker computes: visible proof the page itself stays responsive.
  useEffect(() => {
    if (status.kind !== 'running') return;
    const timer = window.setInterval(() => setElapsedMs(performance.now() - startRef.current), 100);
    return () => window.clearInterval(timer);
  }, [status.kind]);

  async function run() {
    const parsed = seedSchema.safeParse(seedText.trim());
    if (!parsed.success) {
      setSeedError(parsed.error.issues[0]?.message ?? 'Invalid seed.');
      return;
    }
    setSeedError(null);
    setResults({});
    setElapsedMs(0);
    setStatus({ kind: 'running', done: 0 });
    startRef.current = performance.now();
    try {
      apiRef.current ??= createSimulationWorker();
      await apiRef.current.runValidation(
        { seed: Number(parsed.data) },
        {
          onProgress: ({ result, index }) => {
            setResults((previous) => ({ ...previous, [result.id]: result }));
            setStatus({ kind: 'running', done: index + 1 });
          },
        },
      );
      setStatus({ kind: 'done', ms: performance.now() - startRef.current });
    } catch (error) {
      apiRef.current?.terminate();
      apiRef.current = null;
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  const running = status.kind === 'running';
  const finished = Object.values(results);
  const count = (verdict: ValidationResult['verdict']) =>
    finished.filter((r) => r.verdict === verdict).length;
  const events = finished.reduce((sum, r) => sum + r.events, 0);

  return (
    <section className="validation-runner" aria-labelledby="validation-results">
      <h2 id="validation-results">Theory vs this engine</h2>
      <form
        className="validation-controls"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <button type="submit" className="button" disabled={running} data-testid="validation-run">
          {running ? 'Running…' : status.kind === 'done' ? 'Run again' : 'Run'}
        </button>
        <label className="validation-seed">
          Seed{' '}
          <input
            type="text"
            inputMode="numeric"
            value={seedText}
            onChange={(event) => setSeedText(event.target.value)}
            disabled={running}
            aria-invalid={seedError !== null}
            aria-describedby={seedError ? 'validation-seed-error' : undefined}
            size={10}
          />
        </label>
        <p
          className="validation-status"
          role="status"
          aria-live="polite"
          data-testid="validation-status"
          data-state={status.kind}
        >
          {status.kind === 'idle' &&
            `${cases.length} cases, about 36 million simulated events: a few seconds on a laptop.`}
          {status.kind === 'running' &&
            `Running case ${Math.min(status.done + 1, cases.length)} of ${cases.length} in a background worker… ${formatSeconds(elapsedMs)}`}
          {status.kind === 'done' &&
            `Done: ${finished.length} cases, ${(events / 1e6).toFixed(1)} million events in ${formatSeconds(status.ms)}. ` +
              `Theory inside the 95% interval: ${count('inside')}; within two half-widths: ${count('near')}; outside: ${count('outside')}.`}
          {status.kind === 'error' && `The simulation worker failed: ${status.message}`}
        </p>
        {seedError && (
          <p id="validation-seed-error" className="validation-error">
            {seedError}
          </p>
        )}
      </form>
      <ValidationTable cases={cases} results={results} runningIndex={running ? status.done : -1} />
    </section>
  );
}

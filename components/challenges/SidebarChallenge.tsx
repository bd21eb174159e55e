'use client';

import { useId, useState } from 'react';
import { CheckedChallenge } from '@/components/lesson/CheckedChallenge';
import { labSnapshot, startLab, subscribeLab } from '@/components/querylab/labClient';
import type { QueryLabClient } from '@/lib/db/client';
import type { MeasureVariant } from '@/lib/db/labs/measure';
import { checkSidebar, HANDLERS, SIDEBAR_CHALLENGE } from './sidebarCheck';
import '@/components/charts/charts.css';

/**
 * The page's shared "app" lab worker, started on the first Check (not on mount: PGlite is ~9 MB
 * and loads only when a reader asks for it). Resolves when ready, rejects if it fails to start.
 */
function readyLabClient(): Promise<QueryLabClient> {
  return new Promise((resolve, reject) => {
    const settle = (): boolean => {
      const s = labSnapshot('app');
      if (s.kind === 'ready') resolve(s.client);
      else if (s.kind === 'failed') reject(new Error(s.message));
      else return false;
      return true;
    };
    startLab('app');
    if (settle()) return;
    const stop = subscribeLab('app', () => {
      if (settle()) stop();
    });
  });
}

async function runSidebar(variant: MeasureVariant, rttMs: number) {
  const client = await readyLabClient();
  const result = await client.runMeasureLab({ rttMs, variants: [variant] });
  const run = result.runs[variant];
  if (!run) throw new Error('the lab returned no run');
  return run;
}

/** `<SidebarChallenge />`: pick the GET /channels handler; Check replays the workload at 2 ms. */
export function SidebarChallenge() {
  const id = useId();
  const [variant, setVariant] = useState<MeasureVariant>(SIDEBAR_CHALLENGE.start);
  return (
    <CheckedChallenge
      id="sidebar-cross-zone"
      goal={
        <>
          The database moves to another availability zone: every query now waits a{' '}
          {SIDEBAR_CHALLENGE.rttMs} ms round trip. Keep the sidebar&apos;s (
          <code>GET /channels</code>) <strong>p95 network wait</strong> under{' '}
          <strong>{SIDEBAR_CHALLENGE.targetP95NetworkMs} ms</strong>. Pick the handler, then Check:
          the page replays the lab&apos;s 100 seeded requests with it (the first check loads
          Postgres).
        </>
      }
      checkLabel="Check: replay the workload"
      check={() => checkSidebar(runSidebar, variant)}
      explanation={
        <p>
          The network wait is queries × round trip, so only fewer round trips help: the loop pays 1
          + 2 × channels of them, the single statement pays one. Postgres still does per-channel
          work inside that statement; the round trips are what disappeared.
        </p>
      }
    >
      <fieldset className="model-radios model-radios-stacked">
        <legend className="model-slider-label">How GET /channels loads the sidebar</legend>
        {HANDLERS.map((h) => (
          <label key={h.variant}>
            <input
              type="radio"
              name={`${id}-handler`}
              value={h.variant}
              checked={variant === h.variant}
              onChange={() => setVariant(h.variant)}
            />{' '}
            {h.label}
          </label>
        ))}
      </fieldset>
    </CheckedChallenge>
  );
}

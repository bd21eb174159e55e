'use client';

import { useCallback, useState } from 'react';
import { publishResults } from '@/components/lesson/experimentResults';
import { ResetAndStatus } from '@/components/querylab/LabStatus';
import type { ConsistencySpec } from '@/components/querylab/labSpec';
import { useLab } from '@/components/querylab/useLab';
import { LAB_STRATEGIES } from '@/lib/db/labs/consistency-common';
import type { ConsistencyLabResult } from '@/lib/db/labs/consistency';
import {
  ConsistencyControls,
  defaults,
  parseSeed,
  type ControlValues,
} from './ConsistencyControls';
import { ConsistencyResults } from './ConsistencyResults';

/** What a run answers for the lesson's <Predict>s: only the default, anomaly-showing strategy. */
export function consistencyResults(r: ConsistencyLabResult) {
  if (r.lab === 'replica-lag' && r.strategy === 'replica' && r.lagMs === 1000)
    return { 'replica-lag.vanished': r.vanished };
  if (r.lab === 'lost-update' && r.strategy === 'naive')
    return { 'lost-update.lost': r.lostUpdates };
  return {};
}

/** Runs kept for comparison (a table row and a bar each). */
const MAX_RUNS = 6;

/**
 * The live consistency lab: the controls, Run, Reset, and the runs compared. Runs in the page's
 * shared `consistency` query-lab worker (one PGlite per replica or shard inside it).
 */
export default function ConsistencyLabLive({ spec }: { spec: ConsistencySpec }) {
  const lab = useLab('consistency');
  const strategies: readonly string[] = LAB_STRATEGIES[spec.experiment];
  const [values, setValues] = useState<ControlValues>(() =>
    defaults(spec, strategies[0] as string),
  );
  const [runs, setRuns] = useState<ConsistencyLabResult[]>([]);
  const [inputError, setInputError] = useState<string | null>(null);
  const [lastRunMs, setLastRunMs] = useState<number | null>(null);
  const ready = lab.state.kind === 'ready';

  const run = useCallback(async () => {
    const seed = parseSeed(values.seedText);
    if (!seed.ok) {
      setInputError(seed.error);
      return;
    }
    setInputError(null);
    const t0 = performance.now();
    const r = await lab.run((c) =>
      c.runConsistencyLab({
        lab: spec.experiment,
        strategy: values.strategy,
        seed: seed.seed,
        ...(spec.experiment === 'replica-lag'
          ? { lagMs: values.lagMs, windowMs: values.windowMs }
          : {}),
        ...(spec.experiment === 'shards' ? { shards: values.shards } : {}),
      }),
    );
    if (r) {
      setLastRunMs(performance.now() - t0);
      setRuns((prev) => [...prev, r].slice(-MAX_RUNS));
      publishResults(consistencyResults(r));
    }
  }, [lab, spec.experiment, values]);

  const reset = useCallback(async () => {
    const r = await lab.run((c) => c.reset());
    if (r) {
      setRuns([]);
      setInputError(null);
      setLastRunMs(null);
      setValues(defaults(spec, strategies[0] as string));
    }
  }, [lab, spec, strategies]);

  const disabled = !ready || lab.busy;
  return (
    <div className="querylab-body" data-experiment={spec.experiment}>
      <ConsistencyControls
        experiment={spec.experiment}
        strategies={strategies}
        value={values}
        onChange={setValues}
        disabled={disabled}
      />
      <div className="querylab-actions">
        <button
          type="button"
          className="button"
          data-testid="consistency-run"
          disabled={disabled}
          onClick={run}
        >
          {lab.busy ? 'Running…' : 'Run the scripted traffic'}
        </button>
        <ResetAndStatus lab={lab} disabled={disabled} onReset={reset} />
      </div>
      {inputError && (
        <p className="querylab-error-inline" role="alert" data-testid="consistency-input-error">
          {inputError}
        </p>
      )}
      {lastRunMs !== null && (
        <p className="querylab-counter-detail" data-testid="consistency-run-time">
          The last run took {(lastRunMs / 1000).toFixed(1)} s in this tab
          {runs.length === 1 ? ' (the first run also opens the extra Postgres instances)' : ''}.
        </p>
      )}
      <ConsistencyResults runs={runs} />
    </div>
  );
}

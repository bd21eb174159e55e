'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { publishResults } from '@/components/lesson/experimentResults';
import { scalingResults } from '../labResults';
import { N_PLUS_ONE_STRATEGIES, type NPlusOneStrategy } from '@/lib/db/labs/nplusone';
import { RttControl, UsersSlider } from '../controls';
import { formatCount, formatMs, plural } from '../format';
import { DEFAULT_RTT, type RttMs, type ScalingSpec } from '../labSpec';
import { ResetAndStatus } from '../LabStatus';
import { ScalingChart, ScalingLegend, STRATEGY_NAMES, type ScalingPoint } from '../ScalingChart';
import { useLab } from '../useLab';
import { ScrollTable } from '../ScrollTable';

/** Sweep sizes: a decade apart at the start, then evenly spaced so the straight line shows. */
const SWEEP_USERS = [10, 100, 1000, 2500, 5000, 10_000] as const;

function upsert(points: ScalingPoint[], fresh: ScalingPoint[]): ScalingPoint[] {
  const users = new Set(fresh.map((p) => p.users));
  return [...points.filter((p) => !users.has(p.users)), ...fresh];
}

function ScalingTable({ points }: { points: readonly ScalingPoint[] }) {
  const users = [...new Set(points.map((p) => p.users))].sort((a, b) => a - b);
  const cell = (u: number, s: NPlusOneStrategy) =>
    points.find((p) => p.users === u && p.strategy === s);
  return (
    <ScrollTable label="Queries and time by users">
      <table className="querylab-table" data-testid="querylab-scaling-table">
        <caption className="visually-hidden">
          Queries and time per page load by number of users
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Users
            </th>
            {N_PLUS_ONE_STRATEGIES.map((s) => (
              <th scope="col" className="num" key={s}>
                {STRATEGY_NAMES[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u}>
              <th scope="row" className="num">
                {formatCount(u)}
              </th>
              {N_PLUS_ONE_STRATEGIES.map((s) => {
                const p = cell(u, s);
                return (
                  <td className="num" key={s}>
                    {p ? `${formatCount(p.queries)} q · ${formatMs(p.totalMs)}` : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/**
 * The users slider: N+1, JOIN and json_agg at one size, or a sweep 10 → 10,000, each size a real
 * run in the worker. Points accumulate in two charts (queries, time) and a table.
 */
export default function ScalingLab({ spec }: { spec: ScalingSpec }) {
  const lab = useLab('app');
  const [users, setUsers] = useState(1000);
  const [rtt, setRtt] = useState<RttMs>(spec.rttMs ?? DEFAULT_RTT);
  const [points, setPoints] = useState<ScalingPoint[]>([]);
  const [progress, setProgress] = useState<string | null>(null);
  const stop = useRef(false);
  const ready = lab.state.kind === 'ready';
  useEffect(() => publishResults(scalingResults(points)), [points]);

  const measure = useCallback(
    async (n: number, rttMs: RttMs): Promise<boolean> => {
      const r = await lab.run((c) => c.runNPlusOne({ users: n, rttMs }));
      if (!r) return false;
      const fresh = N_PLUS_ONE_STRATEGIES.flatMap((s) => {
        const run = r.runs[s];
        return run
          ? [{ users: n, strategy: s, queries: run.queries, totalMs: run.totalMs, dbMs: run.dbMs }]
          : [];
      });
      setPoints((prev) => upsert(prev, fresh));
      return true;
    },
    [lab],
  );

  const runOne = useCallback(async () => {
    setProgress(`Running ${formatCount(users)} users…`);
    await measure(users, rtt);
    setProgress(null);
  }, [measure, users, rtt]);

  const sweep = useCallback(async () => {
    stop.current = false;
    for (const n of SWEEP_USERS) {
      if (stop.current) break;
      setProgress(`Running ${formatCount(n)} users…`);
      if (!(await measure(n, rtt))) break;
    }
    setProgress(null);
  }, [measure, rtt]);

  const reset = useCallback(async () => {
    stop.current = true;
    const r = await lab.run((c) => c.reset());
    if (r) setPoints([]);
  }, [lab]);

  const busy = progress !== null || lab.busy;
  const disabled = !ready || busy;
  return (
    <div className="querylab-body">
      <div className="querylab-controls">
        <UsersSlider value={users} onChange={setUsers} disabled={busy} />
        <RttControl
          value={rtt}
          disabled={busy}
          onChange={(v) => {
            setRtt(v);
            // Points measured at another round trip are not comparable: start a new chart.
            setPoints([]);
          }}
        />
      </div>
      <div className="querylab-actions">
        <button
          type="button"
          className="button"
          data-testid="querylab-run"
          disabled={disabled}
          onClick={runOne}
        >
          Run at {formatCount(users)} users
        </button>
        <button
          type="button"
          className="button button-secondary"
          data-testid="querylab-sweep"
          disabled={disabled}
          onClick={sweep}
        >
          Sweep 10 → 10,000 users
        </button>
        {progress && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              stop.current = true;
            }}
          >
            Stop after this size
          </button>
        )}
        <ResetAndStatus lab={lab} disabled={disabled} onReset={reset} />
      </div>
      <p className="querylab-status" role="status" aria-live="polite">
        {progress ??
          (points.length
            ? `${plural(new Set(points.map((p) => p.users)).size, 'size', 'sizes')} measured at ${rtt} ms per round trip.`
            : '')}
      </p>
      {points.length > 0 && (
        <>
          <ScalingLegend />
          <div className="querylab-compare">
            <ScalingChart points={points} metric="queries" />
            <ScalingChart points={points} metric="totalMs" />
          </div>
          <ScalingTable points={points} />
        </>
      )}
    </div>
  );
}

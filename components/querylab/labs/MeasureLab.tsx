'use client';

import { useCallback, useEffect, useId, useState } from 'react';
import { publishResults } from '@/components/lesson/experimentResults';
import { measureResults } from '../labResults';
import type { MeasureLabResult, MeasureRun } from '@/lib/db/labs/measure';
import type { Endpoint } from '@/lib/db/labs/measure-sql';
import { BarChart } from '../BarChart';
import { RttControl } from '../controls';
import { formatCount, formatMs, formatPercent, formatRatio, plural } from '../format';
import { DEFAULT_RTT, type MeasureSpec, type RttMs } from '../labSpec';
import { ResetAndStatus } from '../LabStatus';
import { QueryLog } from '../QueryLog';
import { QueryWaterfall } from '../QueryWaterfall';
import { useLab } from '../useLab';
import { ScrollTable } from '../ScrollTable';

const NUM_HEADERS = [
  'Calls',
  'Queries / request',
  'Mean',
  'p95',
  'p99',
  'Database',
  'Network',
  'Share of DB time',
] as const;

/**
 * The APM "endpoints" table: request latency (mean, p95, p99: database + simulated network) beside
 * the database time each endpoint consumed. Sorted by database time, largest first.
 */
function EndpointTable({ run }: { run: MeasureRun }) {
  return (
    <ScrollTable label="Time per endpoint">
      <table className="querylab-table" data-testid="querylab-apm-table">
        <caption className="visually-hidden">
          Time per endpoint: latency percentiles, database and network time, largest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            {NUM_HEADERS.map((h) => (
              <th scope="col" className="num" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {run.endpoints.map((e) => (
            <tr key={e.endpoint} data-endpoint={e.endpoint}>
              <th scope="row">
                <code>{e.endpoint}</code>
              </th>
              <td className="num">{formatCount(e.calls)}</td>
              <td className="num">{e.queriesPerRequest.toFixed(1)}</td>
              <td className="num">{formatMs(e.meanMs)}</td>
              <td className="num">{formatMs(e.p95Ms)}</td>
              <td className="num">{formatMs(e.p99Ms)}</td>
              <td className="num">{formatMs(e.dbMs)}</td>
              <td className="num">{formatMs(e.rttMs)}</td>
              <td className="num">{formatPercent(e.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** Per statement text, ranked by database time: the view pg_stat_statements gives a real Postgres. */
function StatementTable({ run }: { run: MeasureRun }) {
  return (
    <ScrollTable label="Time per statement">
      <table className="querylab-table" data-testid="querylab-apm-statements">
        <caption className="visually-hidden">Database time per statement, largest first</caption>
        <thead>
          <tr>
            <th scope="col">Statement</th>
            <th scope="col" className="num">
              Calls
            </th>
            <th scope="col" className="num">
              Mean
            </th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="num">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {run.statements.map((st) => (
            <tr key={st.name}>
              <th scope="row">
                <code>{st.name}</code>
                {st.write ? ' (write)' : ''}
              </th>
              <td className="num">{formatCount(st.calls)}</td>
              <td className="num">{formatMs(st.meanDbMs)}</td>
              <td className="num">{formatMs(st.totalDbMs)}</td>
              <td className="num">{formatPercent(st.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/**
 * Measure before you optimize: a seeded mix of five endpoints runs against Postgres; the APM view
 * shows time per endpoint, queries per request and the slowest request of each as a waterfall.
 */
export default function MeasureLab({ spec }: { spec: MeasureSpec }) {
  const lab = useLab('app');
  const traceId = useId();
  const [rtt, setRtt] = useState<RttMs>(spec.rttMs ?? DEFAULT_RTT);
  const [result, setResult] = useState<MeasureLabResult | null>(null);
  const [traceOf, setTraceOf] = useState<Endpoint | null>(null);
  const ready = lab.state.kind === 'ready';
  useEffect(() => {
    if (result) publishResults(measureResults(result));
  }, [result]);

  const run = useCallback(async () => {
    const r = await lab.run((c) => c.runMeasureLab({ rttMs: rtt, variants: ['baseline'] }));
    if (r) {
      setResult(r);
      setTraceOf(null);
    }
  }, [lab, rtt]);

  // The fix is a second step, so the reader first sees the problem and names the bottleneck.
  const runFixed = useCallback(async () => {
    const rttMs = result?.rttMs ?? rtt;
    const r = await lab.run((c) => c.runMeasureLab({ rttMs, variants: ['fixed'] }));
    if (r)
      setResult((prev) => (prev ? { ...prev, runs: { ...prev.runs, fixed: r.runs.fixed } } : r));
  }, [lab, result, rtt]);

  const reset = useCallback(async () => {
    const r = await lab.run((c) => c.reset());
    if (r) setResult(null);
  }, [lab]);

  const base = result?.runs.baseline;
  const fixed = result?.runs.fixed;
  // The database's view (time the server spends) ranks endpoints; latency adds the network.
  const byDb = base?.endpoints ?? [];
  const dbTop = byDb[0];
  const shownTrace = base?.traces.find((t) => t.endpoint === (traceOf ?? dbTop?.endpoint));
  const disabled = !ready || lab.busy;
  return (
    <div className="querylab-body">
      <div className="querylab-controls">
        <RttControl value={rtt} onChange={setRtt} disabled={disabled} />
      </div>
      <div className="querylab-actions">
        <button
          type="button"
          className="button"
          data-testid="querylab-run"
          disabled={disabled}
          onClick={run}
        >
          {lab.busy ? 'Running…' : 'Run 100 requests'}
        </button>
        <ResetAndStatus lab={lab} disabled={disabled} onReset={reset} />
      </div>
      {base && (
        <div aria-live="polite">
          <p className="querylab-verdict" data-testid="querylab-apm-verdict">
            {formatCount(base.requests)} requests made {formatCount(base.queries)} queries:{' '}
            {formatMs(base.dbMs)} of database time and {formatMs(base.rttMs)} waiting on the
            (simulated) network.{' '}
            <code data-testid="querylab-apm-bottleneck">{dbTop?.endpoint}</code> consumed{' '}
            {formatPercent(dbTop?.share ?? 0)} of the database&apos;s time.
          </p>
          <BarChart
            testId="querylab-apm-chart"
            caption={`Database time per endpoint: ${byDb.map((e) => `${e.endpoint} ${formatMs(e.dbMs)} (${formatPercent(e.share)})`).join(', ')}.`}
            bars={byDb.map((e) => ({
              label: e.endpoint,
              detail: `${e.calls} calls · ${e.queriesPerRequest.toFixed(1)} queries each`,
              value: e.dbMs,
              valueLabel: `${formatMs(e.dbMs)} (${formatPercent(e.share)})`,
              highlight: e.endpoint === dbTop?.endpoint,
            }))}
          />
          <EndpointTable run={base} />
          <p className="querylab-more">
            Percentiles need many calls: with {dbTop?.calls ?? 0} calls the p99 of{' '}
            <code>{dbTop?.endpoint}</code> is its slowest request (below 100 calls there is no
            slowest 1% to leave out), and with 3 calls <code>GET /search</code>&apos;s p95 is its
            slowest call too.
          </p>
          <details className="querylab-details">
            <summary>Per statement, as pg_stat_statements would rank them</summary>
            <StatementTable run={base} />
          </details>
          <div className="querylab-controls">
            <div>
              <label className="querylab-field-label" htmlFor={traceId}>
                Slowest request of
              </label>
              <select
                id={traceId}
                className="querylab-select"
                value={shownTrace?.endpoint ?? ''}
                onChange={(e) => setTraceOf(e.target.value as Endpoint)}
              >
                {base.traces.map((t) => (
                  <option key={t.endpoint} value={t.endpoint}>
                    {t.endpoint}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {shownTrace && (
            <>
              <QueryWaterfall
                queries={shownTrace.queries}
                maxRows={40}
                testId="querylab-apm-waterfall"
                caption={`Request #${shownTrace.requestId}, ${shownTrace.endpoint} for user ${shownTrace.userId}: ${plural(shownTrace.queries.length, 'query', 'queries')}, ${formatMs(shownTrace.totalMs)}.`}
              />
              <details className="querylab-details">
                <summary>Its queries</summary>
                <QueryLog
                  entries={shownTrace.queries}
                  caption={`Queries of request #${shownTrace.requestId}`}
                />
              </details>
            </>
          )}
          {!fixed && (
            <div className="querylab-actions">
              <button
                type="button"
                className="button"
                data-testid="querylab-apm-fix"
                disabled={disabled}
                onClick={runFixed}
              >
                Rewrite GET /channels as one query, run again
              </button>
            </div>
          )}
          {fixed && (
            <p className="querylab-verdict querylab-verdict-good" data-testid="querylab-apm-fixed">
              With <code>GET /channels</code> as one statement, the same{' '}
              {formatCount(fixed.requests)} requests make {formatCount(fixed.queries)} queries (was{' '}
              {formatCount(base.queries)}): database {formatMs(fixed.dbMs)} (was{' '}
              {formatMs(base.dbMs)}), network {formatMs(fixed.rttMs)} (was {formatMs(base.rttMs)}),{' '}
              {formatRatio(base.totalMs, fixed.totalMs)} less time in all.
            </p>
          )}
        </div>
      )}
    </div>
  );
}

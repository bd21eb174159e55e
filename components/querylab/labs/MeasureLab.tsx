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

/** The APM "endpoints" table: where the time goes, sorted by total time consumed. */
function EndpointTable({ run }: { run: MeasureRun }) {
  return (
    <ScrollTable label="Time per endpoint">
      <table className="querylab-table" data-testid="querylab-apm-table">
        <caption className="visually-hidden">Time per endpoint, largest first</caption>
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <th scope="col" className="num">
              Calls
            </th>
            <th scope="col" className="num">
              Mean
            </th>
            <th scope="col" className="num">
              Slowest
            </th>
            <th scope="col" className="num">
              Queries / request
            </th>
            <th scope="col" className="num">
              Total time
            </th>
            <th scope="col" className="num">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {run.endpoints.map((e) => (
            <tr key={e.endpoint} data-endpoint={e.endpoint}>
              <th scope="row">
                <code>{e.endpoint}</code>
              </th>
              <td className="num">{formatCount(e.calls)}</td>
              <td className="num">{formatMs(e.meanMs)}</td>
              <td className="num">{formatMs(e.maxMs)}</td>
              <td className="num">{e.queriesPerRequest.toFixed(1)}</td>
              <td className="num">{formatMs(e.totalMs)}</td>
              <td className="num">{formatPercent(e.share)}</td>
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
  const shownTrace = base?.traces.find((t) => t.endpoint === (traceOf ?? base.bottleneck));
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
            {formatCount(base.requests)} requests made {formatCount(base.queries)} queries and spent{' '}
            {formatMs(base.totalMs)} in the database and on the network.{' '}
            <code data-testid="querylab-apm-bottleneck">{base.bottleneck}</code> consumed{' '}
            {formatPercent(base.endpoints[0]?.share ?? 0)} of it.
          </p>
          <BarChart
            testId="querylab-apm-chart"
            caption={`Total time per endpoint: ${base.endpoints.map((e) => `${e.endpoint} ${formatMs(e.totalMs)} (${formatPercent(e.share)})`).join(', ')}.`}
            bars={base.endpoints.map((e) => ({
              label: e.endpoint,
              detail: `${e.calls} calls · ${e.queriesPerRequest.toFixed(1)} queries each`,
              value: e.totalMs,
              valueLabel: `${formatMs(e.totalMs)} (${formatPercent(e.share)})`,
              highlight: e.endpoint === base.bottleneck,
            }))}
          />
          <EndpointTable run={base} />
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
              With <code>GET /channels</code> rewritten as one query, the same{' '}
              {formatCount(fixed.requests)} requests make {formatCount(fixed.queries)} queries (was{' '}
              {formatCount(base.queries)}) and take {formatMs(fixed.totalMs)} (was{' '}
              {formatMs(base.totalMs)}): {formatRatio(base.totalMs, fixed.totalMs)} less time.
            </p>
          )}
        </div>
      )}
    </div>
  );
}

'use client';

import { useCallback, useEffect, useId, useState } from 'react';
import { publishResults } from '@/components/lesson/experimentResults';
import { cachingResults } from '../labResults';
import {
  CACHE_OP_MS,
  type CacheStrategy,
  type CachingLabResult,
  type CachingRun,
} from '@/lib/db/labs/caching';
import { BarChart } from '../BarChart';
import { CacheTimeline } from '../CacheTimeline';
import { RttControl } from '../controls';
import { formatCount, formatMs, formatPercent } from '../format';
import { DEFAULT_RTT, type CachingSpec, type RttMs } from '../labSpec';
import { ResetAndStatus } from '../LabStatus';
import { useLab } from '../useLab';
import { ScrollTable } from '../ScrollTable';

const TTL_CHOICES_MS = [1000, 5000, 10_000, 30_000] as const;

/** Short names: they head table rows and chart rows on a 360 px phone. */
export function strategyLabel(strategy: CacheStrategy, ttlMs: number): string {
  if (strategy === 'none') return 'No cache';
  if (strategy === 'ttl') return `TTL ${seconds(ttlMs)}`;
  return 'Invalidate on write';
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** Columns in the order the lesson reads them: hits, staleness, then the latency detail. */
function ResultsTable({ runs, ttlMs }: { runs: CachingRun[]; ttlMs: number }) {
  return (
    <ScrollTable label="Cache strategies compared">
      <table className="querylab-table" data-testid="querylab-cache-table">
        <caption className="visually-hidden">Cache strategies compared</caption>
        <thead>
          <tr>
            <th scope="col">Strategy</th>
            <th scope="col" className="num">
              Hits
            </th>
            <th scope="col" className="num">
              Stale reads
            </th>
            <th scope="col" className="num">
              Mean read
            </th>
            <th scope="col" className="num">
              Queries to Postgres
            </th>
            <th scope="col" className="num">
              Longest stale
            </th>
            <th scope="col" className="num">
              p95 read
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.strategy} data-strategy={r.strategy}>
              <th scope="row">{strategyLabel(r.strategy, ttlMs)}</th>
              <td className="num" data-testid={`querylab-cache-hit-${r.strategy}`}>
                {formatPercent(r.hitRatio)}
              </td>
              <td className="num" data-testid={`querylab-cache-stale-${r.strategy}`}>
                {formatCount(r.staleReads)}
              </td>
              <td className="num">{formatMs(r.meanReadMs)}</td>
              <td className="num">{formatCount(r.dbQueries)}</td>
              <td className="num">{r.staleReads > 0 ? seconds(r.maxStaleMs) : '–'}</td>
              <td className="num">{formatMs(r.p95ReadMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/**
 * The caching lab: 200 requests (10% writes) to 20 hot channels, with no cache, a TTL cache and a
 * cache invalidated on write. Cache time is logical (deterministic); Postgres times are measured.
 */
export default function CachingLab({ spec }: { spec: CachingSpec }) {
  const lab = useLab('app');
  const ttlId = useId();
  const [ttlMs, setTtlMs] = useState(spec.ttlMs ?? 10_000);
  const [rtt, setRtt] = useState<RttMs>(spec.rttMs ?? DEFAULT_RTT);
  const [result, setResult] = useState<CachingLabResult | null>(null);
  const ready = lab.state.kind === 'ready';
  useEffect(() => {
    if (result) publishResults(cachingResults(result));
  }, [result]);

  const run = useCallback(async () => {
    const r = await lab.run((c) => c.runCachingLab({ rttMs: rtt, ttlMs }));
    if (r) setResult(r);
  }, [lab, rtt, ttlMs]);

  const reset = useCallback(async () => {
    const r = await lab.run((c) => c.reset());
    if (r) setResult(null);
  }, [lab]);

  const runs = result
    ? (['none', 'ttl', 'write-through'] as const).flatMap((s) => result.runs[s] ?? [])
    : [];
  const disabled = !ready || lab.busy;
  return (
    <div className="querylab-body">
      <div className="querylab-controls">
        <div>
          <label className="querylab-field-label" htmlFor={ttlId}>
            TTL of the expiring cache
          </label>
          <select
            id={ttlId}
            className="querylab-select"
            value={ttlMs}
            disabled={disabled}
            onChange={(e) => setTtlMs(Number(e.target.value))}
          >
            {TTL_CHOICES_MS.map((t) => (
              <option key={t} value={t}>
                {seconds(t)}
              </option>
            ))}
          </select>
        </div>
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
          {lab.busy ? 'Running…' : 'Run 200 requests three ways'}
        </button>
        <ResetAndStatus lab={lab} disabled={disabled} onReset={reset} />
      </div>
      {result && (
        <div aria-live="polite">
          <ResultsTable runs={runs} ttlMs={result.ttlMs} />
          <BarChart
            caption={`Mean read latency: ${runs.map((r) => `${strategyLabel(r.strategy, result.ttlMs)} ${formatMs(r.meanReadMs)}`).join(', ')}. A hit costs one cache round trip (${CACHE_OP_MS} ms, a typical Redis GET); a miss costs the query plus a GET and a SET.`}
            bars={runs.map((r) => ({
              label: strategyLabel(r.strategy, result.ttlMs),
              value: r.meanReadMs,
              valueLabel: `${formatMs(r.meanReadMs)} mean, ${formatPercent(r.hitRatio)} hits`,
              highlight: r.strategy === 'none',
            }))}
          />
          <CacheTimeline
            caption={`One request every ${result.intervalMs} ms for ${seconds(result.intervalMs * 200)}, every tenth a new message. ${runs.map((r) => `${strategyLabel(r.strategy, result.ttlMs)}: ${formatCount(r.dbQueries)} queries to Postgres, ${formatCount(r.staleReads)} stale reads`).join('; ')}.`}
            rows={runs.map((r) => ({
              label: strategyLabel(r.strategy, result.ttlMs),
              events: r.events,
            }))}
          />
        </div>
      )}
    </div>
  );
}

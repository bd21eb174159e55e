'use client';

import { useCallback, useState } from 'react';
import type { StampedeResult, StampedeRun, StampedeVariant } from '@/lib/db/labs/stampede';
import { BarChart } from '@/components/charts/BarChart';
import { RttControl } from '../controls';
import { formatCount, formatMs, formatPercent } from '@/lib/format';
import { DEFAULT_RTT, type RttMs, type StampedeSpec } from '../labSpec';
import { ResetAndStatus } from '../LabStatus';
import { useLab } from '../useLab';
import { ScrollTable } from '../ScrollTable';

const NAMES: Record<StampedeVariant, string> = {
  warm: 'Warm cache',
  flush: 'Flushed, no coalescing',
  'flush-coalesced': 'Flushed, coalesced',
};
const ORDER: StampedeVariant[] = ['warm', 'flush', 'flush-coalesced'];

function StampedeTable({ runs }: { runs: StampedeRun[] }) {
  return (
    <ScrollTable label="Cache flush compared">
      <table className="querylab-table" data-testid="querylab-stampede-table">
        <caption className="visually-hidden">Reads after a cache flush, three ways</caption>
        <thead>
          <tr>
            <th scope="col">Cache</th>
            <th scope="col" className="num">
              Queries to Postgres
            </th>
            <th scope="col" className="num">
              Hottest channel
            </th>
            <th scope="col" className="num">
              Postgres busy
            </th>
            <th scope="col" className="num">
              Longest queue
            </th>
            <th scope="col" className="num">
              p95 read
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.variant} data-variant={r.variant}>
              <th scope="row">{NAMES[r.variant]}</th>
              <td className="num" data-testid={`querylab-stampede-queries-${r.variant}`}>
                {formatCount(r.dbQueries)}
              </td>
              <td className="num">{formatCount(r.hotKeyQueries)}</td>
              <td className="num">{formatMs(r.dbBusyMs)}</td>
              <td className="num">{formatCount(r.peakQueue)}</td>
              <td className="num">{formatMs(r.p95ReadMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/**
 * The stampede experiment: the cache is flushed while 1,000 reads/s keep arriving. Without
 * coalescing every read that misses during a fill sends its own query; with coalescing one per key.
 */
export default function StampedeLab({ spec }: { spec: StampedeSpec }) {
  const lab = useLab('app');
  const [rtt, setRtt] = useState<RttMs>(spec.rttMs ?? DEFAULT_RTT);
  const [result, setResult] = useState<StampedeResult | null>(null);
  const ready = lab.state.kind === 'ready';
  const disabled = !ready || lab.busy;

  const run = useCallback(async () => {
    const r = await lab.run((c) => c.runStampede({ rttMs: rtt }));
    if (r) setResult(r);
  }, [lab, rtt]);

  const reset = useCallback(async () => {
    const r = await lab.run((c) => c.reset());
    if (r) setResult(null);
  }, [lab]);

  const runs = result ? ORDER.flatMap((v) => result.runs[v] ?? []) : [];
  const flush = result?.runs.flush;
  const single = result?.runs['flush-coalesced'];
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
          {lab.busy ? 'Running…' : 'Flush the cache under load'}
        </button>
        <ResetAndStatus lab={lab} disabled={disabled} onReset={reset} />
      </div>
      {result && (
        <div aria-live="polite">
          <StampedeTable runs={runs} />
          <BarChart
            caption={`Queries that reached Postgres in ${result.durationMs} ms of reads at ${formatCount(result.readsPerSecond)} per second: ${runs.map((r) => `${NAMES[r.variant]} ${formatCount(r.dbQueries)}`).join(', ')}.`}
            bars={runs.map((r) => ({
              label: NAMES[r.variant],
              value: r.dbQueries,
              valueLabel: `${formatCount(r.dbQueries)} queries, p95 ${formatMs(r.p95ReadMs)}`,
              highlight: r.variant === 'flush',
            }))}
          />
          {flush && single && (
            <p className="querylab-verdict" data-testid="querylab-stampede-verdict">
              Without coalescing, {formatCount(flush.dbQueries)} of {formatCount(flush.reads)} reads
              went to Postgres ({formatCount(flush.hotKeyQueries)} for the hottest channel, which
              gets {formatPercent(result.hotKeyShare)} of reads) and queued up to{' '}
              {formatCount(flush.peakQueue)} deep. Coalesced, {formatCount(single.dbQueries)}{' '}
              queries filled every channel.
            </p>
          )}
        </div>
      )}
    </div>
  );
}

'use client';

import { BarChart } from '@/components/charts/BarChart';
import { ScrollTable } from '@/components/querylab/ScrollTable';
import type { ConsistencyLabResult } from '@/lib/db/labs/consistency';
import type { ShardsResult } from '@/lib/db/labs/partitioning-and-shards';
import { anomalyOf, STRATEGY_LABELS, summarize, type Experiment } from './consistencyText';

const n = (x: number): string => Math.round(x).toLocaleString('en-US');

/** A short name for a run's configuration (table rows and chart bars on a 360 px phone). */
export function runLabel(r: ConsistencyLabResult): string {
  const base = STRATEGY_LABELS[r.lab as Experiment][r.strategy] ?? r.strategy;
  if (r.lab === 'replica-lag') {
    const w = r.strategy === 'primary-window' ? `, window ${n(r.windowMs)} ms` : '';
    return `${base.split(' (')[0]} · lag ${n(r.lagMs)} ms${w}`;
  }
  if (r.lab === 'shards') return `${base} · ${r.shards} shards`;
  return base;
}

/** The second number each lab is judged by: its cost. */
function costOf(r: ConsistencyLabResult): { label: string; value: string } {
  switch (r.lab) {
    case 'replica-lag':
      return { label: 'Primary queries', value: n(r.primaryQueries) };
    case 'idempotency':
      return { label: 'Writes per attempt', value: r.writesPerAttempt.toFixed(2) };
    case 'lost-update':
      return { label: 'Statements', value: n(r.statements) };
    case 'outbox':
      return { label: 'Redelivered', value: n(r.redeliveries) };
    case 'shards':
      return { label: 'Scatter-gather work', value: `${r.scatterGatherMs.toFixed(2)} ms` };
  }
}

function RunsTable({ runs }: { runs: readonly ConsistencyLabResult[] }) {
  const last = runs[runs.length - 1] as ConsistencyLabResult;
  const anomaly = anomalyOf(last).label;
  return (
    <ScrollTable label="Your runs so far" testId="consistency-runs">
      <table className="querylab-table">
        <caption className="visually-hidden">Your runs so far, newest last</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col" className="num">
              {anomaly[0]?.toUpperCase() + anomaly.slice(1)}
            </th>
            {last.lab === 'replica-lag' && (
              <th scope="col" className="num">
                Stale reads
              </th>
            )}
            <th scope="col" className="num">
              {costOf(last).label}
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r, i) => {
            const a = anomalyOf(r);
            return (
              <tr key={i} data-strategy={r.strategy}>
                <th scope="row">{runLabel(r)}</th>
                <td className="num" data-testid="consistency-anomaly">
                  {r.lab === 'shards' ? `${Math.round(a.value * 100)}%` : n(a.value)}
                </td>
                {r.lab === 'replica-lag' && <td className="num">{n(r.staleReads)}</td>}
                <td className="num">{costOf(r).value}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function ShardDetails({ r }: { r: ShardsResult }) {
  return (
    <>
      <ScrollTable label="Partition pruning in EXPLAIN" testId="consistency-pruning">
        <table className="querylab-table">
          <caption>Declarative partitioning: partitions each query reads (from EXPLAIN)</caption>
          <thead>
            <tr>
              <th scope="col">Query</th>
              <th scope="col" className="num">
                Partitions read
              </th>
            </tr>
          </thead>
          <tbody>
            {r.pruning.map((p) => (
              <tr key={p.label}>
                <th scope="row">
                  {p.label}
                  <br />
                  <code>{p.sql}</code>
                </th>
                <td className="num">
                  {p.scanned.length} of {p.total}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <BarChart
        testId="consistency-shard-load"
        caption={`Channel queries per shard: ${r.load.map((l) => `shard ${l.shard} ${l.queries}`).join(', ')}. Memory of the ${r.shards} Postgres instances: ${Math.round(r.memoryBytes / 1e6)} MB of WebAssembly heap.`}
        bars={r.load.map((l) => ({
          label: `Shard ${l.shard}`,
          detail: `${n(l.rows)} messages`,
          value: l.queries,
          valueLabel: `${l.queries} queries`,
          highlight: l.queries / Math.max(1, r.requests / 2) === r.hotShardShare,
        }))}
      />
    </>
  );
}

function Timeline({ r }: { r: ConsistencyLabResult }) {
  const shown = r.events.slice(0, 60);
  return (
    <details className="querylab-details">
      <summary>
        What happened, step by step (first {shown.length} of {n(r.events.length)} moments)
      </summary>
      <ScrollTable label="Timeline of the last run" testId="consistency-timeline">
        <table className="querylab-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {r.lab === 'replica-lag' ? 'ms' : 'step'}
              </th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e, i) => (
              <tr key={i} data-anomaly={e.anomaly ?? ''}>
                <td className="num">{n(e.tMs)}</td>
                <td>{e.actor}</td>
                <td>
                  {e.anomaly && <strong>{e.anomaly}: </strong>}
                  {e.detail}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </details>
  );
}

/** The result three ways: one sentence, the runs compared in a table and a chart, the timeline. */
export function ConsistencyResults({ runs }: { runs: readonly ConsistencyLabResult[] }) {
  const last = runs[runs.length - 1];
  if (!last) return null;
  const label = anomalyOf(last).label;
  return (
    <div className="consistency-results">
      <p className="querylab-summary" data-testid="consistency-summary" aria-live="polite">
        {summarize(last)}
      </p>
      <RunsTable runs={runs} />
      {last.lab !== 'shards' && (
        <BarChart
          testId="consistency-chart"
          caption={`${label[0]?.toUpperCase() + label.slice(1)} per run: ${runs.map((r) => `${runLabel(r)} ${n(anomalyOf(r).value)}`).join('; ')}.`}
          bars={runs.map((r, i) => ({
            label: runLabel(r),
            value: anomalyOf(r).value,
            valueLabel: n(anomalyOf(r).value),
            highlight: i === runs.length - 1,
          }))}
        />
      )}
      {last.lab === 'shards' && <ShardDetails r={last} />}
      <Timeline r={last} />
    </div>
  );
}

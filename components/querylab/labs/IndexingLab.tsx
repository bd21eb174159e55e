'use client';

import { useCallback, useEffect, useState } from 'react';
import { publishResults } from '@/components/lesson/experimentResults';
import { indexingResults } from '../labResults';
import {
  INDEXING_SQL,
  type IndexLabResult,
  type LowSelectivityResult,
  type LookupResult,
  type PlanRun,
  type WriteCostResult,
} from '@/lib/db/labs/indexing';
import { formatCount, formatMs, formatPercent, formatRatio } from '../format';
import type { IndexingPart, IndexingSpec } from '../labSpec';
import { ResetAndStatus } from '../LabStatus';
import { PlanTree } from '../PlanTree';
import { markClean, takeDirty } from '../labClient';
import { useLab } from '../useLab';
import { WriteCostChart } from './WriteCostChart';

const RUN_LABEL: Record<IndexingPart, string> = {
  lookup: 'Run EXPLAIN ANALYZE, create the index, run it again',
  'low-selectivity': 'Create the index on deleted_at and explain both queries',
  'write-cost': 'Insert 10,000 rows with 0, then 3 secondary indexes',
};

const PART_KEY = {
  lookup: 'lookup',
  'low-selectivity': 'lowSelectivity',
  'write-cost': 'writeCost',
} as const;

function usesIndex(run: PlanRun): boolean {
  return run.nodeTypes.some((t) => t.startsWith('Index') || t.startsWith('Bitmap'));
}

function ScanBadge({ run }: { run: PlanRun }) {
  const indexed = usesIndex(run);
  return (
    <span className={`querylab-badge ${indexed ? 'querylab-badge-good' : 'querylab-badge-bad'}`}>
      {indexed ? 'uses an index' : 'reads the whole table'}
    </span>
  );
}

function PlanPanel({ title, run, testId }: { title: string; run: PlanRun; testId: string }) {
  return (
    <div className="querylab-panel" data-testid={testId} data-node-types={run.nodeTypes.join(',')}>
      <p className="querylab-panel-title">
        {title}: <span data-testid={`${testId}-ms`}>{formatMs(run.ms)}</span>{' '}
        <ScanBadge run={run} />
      </p>
      <PlanTree plan={run.explain.plan} label={title} testId={`${testId}-tree`} />
    </div>
  );
}

function Lookup({ r }: { r: LookupResult }) {
  return (
    <>
      <div className="querylab-counters">
        <div className="querylab-counter">
          <p className="querylab-counter-label">Without the index</p>
          <p className="querylab-counter-value">{formatMs(r.withoutIndex.ms)}</p>
          <p className="querylab-counter-detail">{r.withoutIndex.nodeTypes.join(' → ')}</p>
        </div>
        <div className="querylab-counter">
          <p className="querylab-counter-label">With the index</p>
          <p className="querylab-counter-value">{formatMs(r.withIndex.ms)}</p>
          <p className="querylab-counter-detail">{r.withIndex.nodeTypes.join(' → ')}</p>
        </div>
        <div className="querylab-counter">
          <p className="querylab-counter-label">Speed-up</p>
          <p className="querylab-counter-value" data-testid="querylab-speedup">
            {formatRatio(r.withoutIndex.ms, r.withIndex.ms)}
          </p>
          <p className="querylab-counter-detail">
            CREATE INDEX took {formatMs(r.createIndexMs)} on {formatCount(r.rows)} rows
          </p>
        </div>
      </div>
      <div className="querylab-compare">
        <PlanPanel title="Without the index" run={r.withoutIndex} testId="querylab-plan-before" />
        <PlanPanel title="With the index" run={r.withIndex} testId="querylab-plan-after" />
      </div>
    </>
  );
}

function LowSelectivity({ r }: { r: LowSelectivityResult }) {
  return (
    <>
      <p className="querylab-verdict" data-testid="querylab-selectivity-verdict">
        {formatPercent(r.liveShare)} of the messages are live. For the live-message query Postgres{' '}
        {r.indexUsedForLive ? 'used' : 'ignored'} the new index; for the deleted-message query (the
        other {formatPercent(1 - r.liveShare)}) it {r.indexUsedForSelective ? 'used' : 'ignored'}{' '}
        it.
      </p>
      <div className="querylab-compare">
        <PlanPanel
          title="Live messages, with the index"
          run={r.after}
          testId="querylab-plan-live"
        />
        <PlanPanel
          title="Deleted messages, with the index"
          run={r.selectiveAfter}
          testId="querylab-plan-deleted"
        />
      </div>
      <p className="querylab-chart-caption">
        Live messages without the index: {formatMs(r.before.ms)} ({r.before.nodeTypes.join(' → ')}
        ); with it: {formatMs(r.after.ms)}.
      </p>
    </>
  );
}

function WriteCost({ r }: { r: WriteCostResult }) {
  return (
    <>
      <p className="querylab-verdict" data-testid="querylab-write-verdict">
        Inserting {formatCount(r.rows)} rows took {formatMs(r.withoutMs)} with the primary key only
        and {formatMs(r.withMs)} with {r.secondaryIndexes} secondary indexes:{' '}
        {formatRatio(r.withMs, r.withoutMs)} the time.
      </p>
      <WriteCostChart result={r} />
    </>
  );
}

/** One part of the indexing lab, on the `indexing` data dir (≥ 200,000 messages, no indexes). */
export default function IndexingLab({ spec }: { spec: IndexingSpec }) {
  const lab = useLab('indexing');
  const [result, setResult] = useState<IndexLabResult | null>(null);
  const ready = lab.state.kind === 'ready';
  useEffect(() => {
    if (result) publishResults(indexingResults(result));
  }, [result]);

  const run = useCallback(async () => {
    const r = await lab.run(async (client) => {
      // The SQL box may have left the reader's own indexes behind: start from the seed data.
      if (takeDirty('indexing')) await client.reset();
      return client.runIndexLab({ parts: [PART_KEY[spec.part]] });
    });
    if (r) setResult(r);
  }, [lab, spec.part]);

  const reset = useCallback(async () => {
    await lab.run((client) => client.reset());
    markClean('indexing');
    setResult(null);
  }, [lab]);

  return (
    <div className="querylab-body">
      <div className="querylab-actions">
        <button
          type="button"
          className="button"
          data-testid="querylab-run"
          disabled={!ready || lab.busy}
          onClick={run}
        >
          {lab.busy ? 'Running…' : RUN_LABEL[spec.part]}
        </button>
        <ResetAndStatus lab={lab} disabled={!ready || lab.busy} onReset={reset} />
      </div>
      <details className="querylab-details" open={!result}>
        <summary>The SQL this runs</summary>
        <pre className="querylab-preview-code">
          <code>
            {(spec.part === 'lookup'
              ? [INDEXING_SQL.latestInChannel, INDEXING_SQL.createGoodIndex]
              : spec.part === 'low-selectivity'
                ? [
                    INDEXING_SQL.createDeletedAtIndex,
                    INDEXING_SQL.liveByChannel,
                    INDEXING_SQL.deletedByChannel,
                  ]
                : [
                    INDEXING_SQL.insertProbe,
                    INDEXING_SQL.createGoodIndex,
                    ...INDEXING_SQL.extraWriteIndexes,
                  ]
            ).join(';\n\n')}
            ;
          </code>
        </pre>
      </details>
      <div aria-live="polite">
        {result?.lookup && <Lookup r={result.lookup} />}
        {result?.lowSelectivity && <LowSelectivity r={result.lowSelectivity} />}
        {result?.writeCost && <WriteCost r={result.writeCost} />}
      </div>
    </div>
  );
}

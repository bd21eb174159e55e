'use client';

import { useCallback, useEffect, useState } from 'react';
import { publishResults } from '@/components/lesson/experimentResults';
import { nPlusOneResults } from '../labResults';
import { CodeEditor } from '@/components/editor/CodeEditor';
import { SNIPPETS } from '@/lib/db/snippets';
import type { UserCodeResult } from '@/lib/db/usercode-types';
import { RttControl, UsersSlider } from '../controls';
import { formatCount, plural } from '../format';
import { DEFAULT_RTT, type NPlusOneSpec, type RttMs } from '../labSpec';
import { ResetAndStatus } from '../LabStatus';
import { QueryLog } from '../QueryLog';
import { QueryWaterfall } from '../QueryWaterfall';
import { TimelineCompare } from '../TimelineCompare';
import { useLab } from '../useLab';
import { RunCounter, UserCodeErrorView } from './runViews';

interface Outcome {
  users: number;
  rttMs: RttMs;
  before: UserCodeResult;
  after: UserCodeResult;
}

const EDITOR_HEIGHT_PX = 150;

/**
 * The essay's Before/After code in two editors, run for real in the worker against the `app` data
 * dir: query counts, times (database vs simulated network), a waterfall and the full query log.
 */
export default function NPlusOneLab({ spec }: { spec: NPlusOneSpec }) {
  const lab = useLab('app');
  const [users, setUsers] = useState(spec.users ?? 1000);
  const [rtt, setRtt] = useState<RttMs>(spec.rttMs ?? DEFAULT_RTT);
  const [before, setBefore] = useState<string>(SNIPPETS.before);
  const [after, setAfter] = useState<string>(SNIPPETS.after);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [running, setRunning] = useState(false);
  const ready = lab.state.kind === 'ready';
  // Measured counts and time for <Predict> (components/lesson/experimentResults.ts).
  useEffect(() => {
    if (outcome) publishResults(nPlusOneResults(outcome.before, outcome.after));
  }, [outcome]);

  const runBoth = useCallback(async () => {
    setRunning(true);
    try {
      const result = await lab.run(async (client) => {
        const b = await client.runUserCode(before, { users, rttMs: rtt });
        const a = await client.runUserCode(after, { users, rttMs: rtt });
        return { users, rttMs: rtt, before: b, after: a };
      });
      if (result) setOutcome(result);
    } finally {
      setRunning(false);
    }
  }, [lab, before, after, users, rtt]);

  const reset = useCallback(async () => {
    setRunning(true);
    try {
      await lab.run((client) => client.reset());
      setBefore(SNIPPETS.before);
      setAfter(SNIPPETS.after);
      setOutcome(null);
    } finally {
      setRunning(false);
    }
  }, [lab]);

  const same =
    outcome?.before.loaded &&
    outcome.after.loaded &&
    outcome.before.loaded.checksum === outcome.after.loaded.checksum;

  return (
    <div className="querylab-body">
      <div className="querylab-controls">
        <UsersSlider value={users} onChange={setUsers} disabled={running} />
        <RttControl value={rtt} onChange={setRtt} disabled={running} />
      </div>
      <div className="querylab-editors">
        <div>
          <CodeEditor
            label="Before: one query for the users, then one per user"
            ariaLabel="Before code (JavaScript or TypeScript)"
            language="typescript"
            value={before}
            onChange={setBefore}
            heightPx={EDITOR_HEIGHT_PX}
            onRun={ready && !running ? runBoth : undefined}
            hint={false}
          />
          <UserCodeErrorView result={outcome?.before} testId="querylab-error-before" />
        </div>
        <div>
          <CodeEditor
            label="After: one query with a JOIN"
            ariaLabel="After code (JavaScript or TypeScript)"
            language="typescript"
            value={after}
            onChange={setAfter}
            heightPx={EDITOR_HEIGHT_PX}
            onRun={ready && !running ? runBoth : undefined}
          />
          <div className="querylab-snippet-buttons">
            <button
              type="button"
              className="querylab-link-button"
              onClick={() => setAfter(SNIPPETS.after)}
            >
              Use the JOIN
            </button>
            <button
              type="button"
              className="querylab-link-button"
              onClick={() => setAfter(SNIPPETS.jsonAgg)}
            >
              Try the third way: json_agg
            </button>
          </div>
          <UserCodeErrorView result={outcome?.after} testId="querylab-error-after" />
        </div>
      </div>
      <div className="querylab-actions">
        <button
          type="button"
          className="button"
          data-testid="querylab-run"
          disabled={!ready || running}
          onClick={runBoth}
        >
          {running ? 'Running…' : 'Run both'}
        </button>
        <ResetAndStatus lab={lab} disabled={!ready || running} onReset={reset} />
      </div>
      {outcome && (
        <div aria-live="polite">
          <div className="querylab-counters">
            <RunCounter
              title="Before"
              result={outcome.before}
              testId="querylab-count-before"
              rttMs={outcome.rttMs}
            />
            <RunCounter
              title="After"
              result={outcome.after}
              testId="querylab-count-after"
              rttMs={outcome.rttMs}
            />
          </div>
          <p
            className={`querylab-verdict ${same ? 'querylab-verdict-good' : ''}`}
            data-testid="querylab-verdict"
          >
            {same
              ? `Same result both ways: ${formatCount(outcome.before.loaded?.users ?? 0)} users and ${formatCount(outcome.before.loaded?.posts ?? 0)} posts (checksum ${outcome.before.loaded?.checksum}).`
              : 'The two versions did not return the same users and posts (edited code, or an error): compare them with care.'}
          </p>
          <TimelineCompare
            caption={`All queries end to end, ${formatCount(outcome.users)} users, ${outcome.rttMs} ms round trip`}
            rows={[
              { label: 'Before', queries: outcome.before.log },
              { label: 'After', queries: outcome.after.log },
            ]}
          />
          <QueryWaterfall
            queries={outcome.before.log}
            caption="Before, query by query: each starts only when the previous one has come back."
            testId="querylab-waterfall"
          />
          {(['Before', 'After'] as const).map((label) => {
            const run = label === 'Before' ? outcome.before : outcome.after;
            return (
              <details className="querylab-details" key={label}>
                <summary>
                  Query log: {label} ({plural(run.summary.queries, 'query', 'queries')})
                </summary>
                <QueryLog
                  entries={run.log}
                  truncated={run.logTruncated}
                  caption={`Queries run by the ${label} code`}
                  testId={`querylab-log-${label.toLowerCase()}`}
                />
              </details>
            );
          })}
        </div>
      )}
    </div>
  );
}

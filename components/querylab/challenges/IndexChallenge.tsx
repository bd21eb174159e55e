'use client';

import { useState } from 'react';
import { CodeEditor } from '@/components/editor/CodeEditor';
import { CheckedChallenge } from '@/components/lesson/CheckedChallenge';
import {
  checkIndexChallenge,
  INDEX_CHALLENGE_BOUND_MS,
  INDEX_CHALLENGE_RUNS,
  INDEX_CHALLENGE_SQL,
  INDEX_CHALLENGE_START,
} from '@/lib/db/challenges';
import type { ExplainOutcome } from '@/lib/db/results';
import { markClean } from '../labClient';
import { useLab } from '../useLab';

/**
 * Lesson 4: one CREATE INDEX that takes a user's latest messages off the Seq Scan and under the
 * time bound. The check creates it, runs EXPLAIN ANALYZE a few times, then resets the data so the
 * lesson's other labs see the seed schema again.
 */
export function IndexChallenge({ id }: { id: string }) {
  const lab = useLab('indexing');
  const [sql, setSql] = useState(INDEX_CHALLENGE_START);
  const check = async () => {
    const out = await lab.run(async (c) => {
      try {
        const create = await c.runSql(sql);
        const runs: ExplainOutcome[] = [];
        for (let i = 0; i < INDEX_CHALLENGE_RUNS; i++)
          runs.push(await c.explain(INDEX_CHALLENGE_SQL));
        return checkIndexChallenge(create, runs);
      } finally {
        await c.reset();
        markClean('indexing');
      }
    });
    if (!out) throw new Error('The lab is not ready; try again in a moment.');
    return out;
  };
  return (
    <CheckedChallenge
      id={id}
      goal={
        <>
          <p>
            A profile page shows a user&apos;s 20 latest messages. Write one{' '}
            <code>CREATE INDEX</code> so that this query no longer reads the whole table and runs in
            under <strong>{INDEX_CHALLENGE_BOUND_MS} ms</strong> (median of {INDEX_CHALLENGE_RUNS}{' '}
            runs):
          </p>
          <pre className="querylab-preview-code">
            <code>{INDEX_CHALLENGE_SQL}</code>
          </pre>
        </>
      }
      check={check}
      disabled={lab.state.kind !== 'ready' || lab.busy}
      checkLabel="Create, explain and check"
      explanation={
        <p>
          An index that leads with <code>user_id</code> finds the user&apos;s 10 messages directly;
          adding <code>created_at DESC</code> also hands them over in the order the query wants. An
          index on <code>(created_at, user_id)</code> cannot seek by user: the leftmost column
          decides what an index can look up.
        </p>
      }
    >
      <CodeEditor
        label="Your index (the data resets after each check)"
        ariaLabel="CREATE INDEX statement"
        language="pgsql"
        value={sql}
        onChange={setSql}
        heightPx={80}
        hint={false}
      />
    </CheckedChallenge>
  );
}

'use client';

import { useState } from 'react';
import { CodeEditor } from '@/components/editor/CodeEditor';
import { CheckedChallenge } from '@/components/lesson/CheckedChallenge';
import { checkRewrite, REWRITE_START, REWRITE_USERS } from '@/lib/db/challenges';
import { userCodeTimeoutMs } from '@/lib/db/usercode-types';
import { useLab } from '../useLab';

/**
 * Lesson 3: rewrite the N+1 loop into at most 2 queries without `include`. The check runs the
 * reader's code in the worker and compares its checksum with the JOIN's at the same page size.
 */
export function RewriteChallenge({ id }: { id: string }) {
  const lab = useLab('app');
  const [code, setCode] = useState(REWRITE_START);
  const check = async () => {
    const out = await lab.run(async (c) => {
      const ref = await c.runNPlusOne({ users: REWRITE_USERS, rttMs: 0, strategies: ['join'] });
      const run = await c.runUserCode(code, {
        users: REWRITE_USERS,
        rttMs: 0.5,
        noInclude: true,
        timeoutMs: userCodeTimeoutMs(REWRITE_USERS),
      });
      return checkRewrite(run, ref.runs.join?.checksum ?? '');
    });
    if (!out) throw new Error('The lab is not ready; try again in a moment.');
    return out;
  };
  return (
    <CheckedChallenge
      id={id}
      goal={
        <p>
          Your data layer has no <code>include</code>. Rewrite the loop so that it loads the same
          1,000 users and 10,000 posts in <strong>at most 2 queries</strong>. The check runs your
          code and compares the checksum with the JOIN&apos;s.
        </p>
      }
      check={check}
      disabled={lab.state.kind !== 'ready' || lab.busy}
      checkLabel="Run and check"
      explanation={
        <p>
          One query for the users, one <code>WHERE user_id = ANY($1)</code> for all their posts,
          then match them up in a <code>Map</code> by user id: what Rails&apos; <code>preload</code>
          , Django&apos;s <code>prefetch_related</code> and DataLoader do.
        </p>
      }
    >
      <CodeEditor
        label="Your code (User, Post and db are in scope)"
        ariaLabel="Challenge code (JavaScript or TypeScript)"
        language="typescript"
        value={code}
        onChange={setCode}
        heightPx={170}
        hint={false}
      />
    </CheckedChallenge>
  );
}

import type { CachingRun } from './labs/caching';
import type { PlanNode } from './explain';
import type { ExplainOutcome, SqlRunResult } from './results';
import type { UserCodeResult } from './usercode-types';

/**
 * The checks behind the query-lab challenges that lessons 3–5 grade by running the lab. Pure
 * functions of lab results (unit-tested against real runs), so the page and the tests agree.
 */
export interface LabCheck {
  pass: boolean;
  message: string;
}

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

// ---------------------------------------------------------------------------------------------
// Lesson 3: the N+1 loop in at most 2 queries, same data, without `include`.

export const REWRITE_MAX_QUERIES = 2;
/** The page size the rewrite is checked at: the lesson's default. */
export const REWRITE_USERS = 1000;

export const REWRITE_START = `// Load every user with their posts in at most 2 queries.
// include is switched off here; Post.findByUserIds(ids) and db.query(sql, params) work.
const users = await User.findAll();
for (const user of users) {
  user.posts = await Post.findByUserId(user.id);
}
`;

export function checkRewrite(run: UserCodeResult, referenceChecksum: string): LabCheck {
  if (!run.ok)
    return {
      pass: false,
      message: `Your code stopped with an error: ${run.error?.message ?? '?'}`,
    };
  const q = run.summary.queries;
  if (!run.loaded)
    return {
      pass: false,
      message: `It ran ${fmt(q)} queries but did not leave \`users\` as users with a \`posts\` array each.`,
    };
  if (run.loaded.checksum !== referenceChecksum)
    return {
      pass: false,
      message: `It loaded ${fmt(run.loaded.users)} users and ${fmt(run.loaded.posts)} posts, but not the same ones as the JOIN (checksum ${run.loaded.checksum}, expected ${referenceChecksum}). Keep users in id order and each user's posts in id order.`,
    };
  if (q > REWRITE_MAX_QUERIES)
    return {
      pass: false,
      message: `Same data, but ${fmt(q)} queries: at most ${REWRITE_MAX_QUERIES} allowed.`,
    };
  return {
    pass: true,
    message: `${fmt(q)} ${q === 1 ? 'query' : 'queries'}, ${fmt(run.loaded.users)} users and ${fmt(run.loaded.posts)} posts, same checksum as the JOIN (${referenceChecksum}).`,
  };
}

// ---------------------------------------------------------------------------------------------
// Lesson 4: an index that serves a user's latest messages without a Seq Scan, under a time bound.

export const INDEX_CHALLENGE_USER_ID = 4242;
export const INDEX_CHALLENGE_SQL = `SELECT id, channel_id, body, created_at FROM messages WHERE user_id = ${INDEX_CHALLENGE_USER_ID} ORDER BY created_at DESC LIMIT 20`;
/**
 * Execution-time bound, ms (median of the runs). Measured in Node on a busy 2-core machine: the
 * Seq Scan over 200,000 rows takes 20–60 ms, a matching index 0.05–0.5 ms, and an index on
 * created_at alone, read backward until 20 rows of this user turn up, tens of ms.
 */
export const INDEX_CHALLENGE_BOUND_MS = 5;
export const INDEX_CHALLENGE_RUNS = 3;
export const INDEX_CHALLENGE_START = '-- One CREATE INDEX statement that makes the query fast.\n';

function walk(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  out.push(node);
  for (const c of node.children) walk(c, out);
  return out;
}

export function checkIndexChallenge(create: SqlRunResult, runs: ExplainOutcome[]): LabCheck {
  if (!create.ok) return { pass: false, message: `Postgres refused it: ${create.error.message}` };
  const ok = runs.flatMap((r) => (r.ok ? [r.explain] : []));
  const failed = runs.find((r) => !r.ok);
  if (failed && !failed.ok)
    return { pass: false, message: `The query failed: ${failed.error.message}` };
  const first = ok[0];
  if (!first) return { pass: false, message: 'The query did not run.' };
  const nodes = walk(first.plan);
  const times = ok.map((e) => e.executionMs).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  const plan = first.nodeTypes.join(' → ');
  if (nodes.some((n) => n.nodeType === 'Seq Scan'))
    return {
      pass: false,
      message: `The plan still reads the whole table (${plan}, ${fmt(median)} ms).`,
    };
  if (median > INDEX_CHALLENGE_BOUND_MS)
    return {
      pass: false,
      message: `No Seq Scan, but ${fmt(median)} ms (median of ${ok.length}) is over ${INDEX_CHALLENGE_BOUND_MS} ms: ${plan}. The index is read, but most of what it returns is thrown away by a filter.`,
    };
  return {
    pass: true,
    message: `${plan}, ${fmt(median)} ms (median of ${ok.length} runs).`,
  };
}

// ---------------------------------------------------------------------------------------------
// Lesson 5: a TTL with a hit-ratio floor and a staleness ceiling.

export const TTL_CHALLENGE = {
  minHitRatio: 0.7,
  maxStaleMs: 5000,
  startSeconds: 1,
} as const;

export function checkTtl(run: CachingRun): LabCheck {
  const hits = `${(run.hitRatio * 100).toFixed(1)}% hits`;
  const stale = `the stalest read ${fmt(run.maxStaleMs / 1000)} s old`;
  const numbers = `${hits}, ${fmt(run.staleReads)} stale reads, ${stale}, ${fmt(run.dbQueries)} queries to Postgres`;
  if (run.hitRatio < TTL_CHALLENGE.minHitRatio)
    return {
      pass: false,
      message: `${numbers}. Below the ${TTL_CHALLENGE.minHitRatio * 100}% floor: entries expire before they are read again.`,
    };
  if (run.maxStaleMs > TTL_CHALLENGE.maxStaleMs)
    return {
      pass: false,
      message: `${numbers}. Over the ${TTL_CHALLENGE.maxStaleMs / 1000} s ceiling: entries live long enough to be read well after a write.`,
    };
  return { pass: true, message: `${numbers}.` };
}

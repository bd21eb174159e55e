import type { PGliteInterface } from '@electric-sql/pglite';
import { checksumUsers, type UserWithPosts } from '../checksum';
import { createOrm } from '../orm';
import { LoggedDb, QueryLog, summarize, type QueryLogEntry } from '../querylog';

export const N_PLUS_ONE_STRATEGIES = ['nPlusOne', 'join', 'jsonAgg', 'batched'] as const;
export type NPlusOneStrategy = (typeof N_PLUS_ONE_STRATEGIES)[number];

export interface NPlusOneOptions {
  /** How many users to load (the slider: 10 → 10,000; default 1,000, the lesson's example). */
  users: number;
  rttMs: number;
  strategies?: readonly NPlusOneStrategy[];
}

export interface StrategyRun {
  strategy: NPlusOneStrategy;
  queries: number;
  /** Rows returned by the database over all the strategy's queries. */
  rows: number;
  dbMs: number;
  /** Simulated round trips: queries × rttMs. */
  rttMs: number;
  totalMs: number;
  users: number;
  posts: number;
  checksum: string;
  log: QueryLogEntry[];
}

export interface NPlusOneResult {
  users: number;
  rttMs: number;
  runs: Partial<Record<NPlusOneStrategy, StrategyRun>>;
  /** True when every strategy that ran produced the same checksum. */
  checksumsMatch: boolean;
}

/** The essay's "Before" and "After" snippets, run as written against the tiny ORM. */
async function load(
  strategy: NPlusOneStrategy,
  db: LoggedDb,
  users: number,
): Promise<UserWithPosts[]> {
  const { User, Post } = createOrm(db, { userLimit: users });
  if (strategy === 'nPlusOne') {
    const all = await User.findAll();
    for (const user of all) {
      user.posts = await Post.findByUserId(user.id);
    }
    return all.map((u) => ({ ...u, posts: u.posts ?? [] }));
  }
  const all = await User.findAll({
    include: [{ model: Post }],
    via: strategy === 'jsonAgg' ? 'json_agg' : strategy === 'batched' ? 'batched' : 'join',
  });
  return all.map((u) => ({ ...u, posts: u.posts ?? [] }));
}

export async function runStrategy(
  pg: PGliteInterface,
  strategy: NPlusOneStrategy,
  users: number,
  rttMs: number,
): Promise<StrategyRun> {
  const log = new QueryLog(rttMs);
  const loaded = await load(strategy, new LoggedDb(pg, log), users);
  const s = summarize(log.entries);
  return {
    strategy,
    queries: s.queries,
    rows: s.rows,
    dbMs: s.dbMs,
    rttMs: s.rttMs,
    totalMs: s.totalMs,
    users: loaded.length,
    posts: loaded.reduce((n, u) => n + u.posts.length, 0),
    checksum: checksumUsers(loaded),
    log: log.entries,
  };
}

export async function runNPlusOneLab(
  pg: PGliteInterface,
  opts: NPlusOneOptions,
): Promise<NPlusOneResult> {
  const strategies = opts.strategies ?? N_PLUS_ONE_STRATEGIES;
  const runs: Partial<Record<NPlusOneStrategy, StrategyRun>> = {};
  for (const s of strategies) runs[s] = await runStrategy(pg, s, opts.users, opts.rttMs);
  const sums = new Set(Object.values(runs).map((r) => r.checksum));
  return { users: opts.users, rttMs: opts.rttMs, runs, checksumsMatch: sums.size <= 1 };
}

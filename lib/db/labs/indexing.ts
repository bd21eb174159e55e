import type { PGliteInterface } from '@electric-sql/pglite';
import { explainAnalyze, type ExplainResult } from '../explain';
import { LoggedDb, QueryLog, type QueryLogEntry } from '../querylog';

/**
 * The indexing lab ("proper indexing can solve 80% of performance issues"), on the `indexing` data
 * dir (≥ 200,000 messages, primary keys only). Every number is a real EXPLAIN (ANALYZE) or a real
 * timed statement; the lab drops the indexes it created, so it can be rerun.
 */

/** A mid-sized channel: ~1.7% of all messages (Zipf rank 9 of 99; asserted by the tests). */
export const LOOKUP_CHANNEL_ID = 10;

export const INDEXING_SQL = {
  countMessages: 'SELECT count(*)::int AS n FROM messages',
  /** The realistic lookup: opening a channel shows its latest 50 messages. */
  latestInChannel: `SELECT id, user_id, body, created_at FROM messages WHERE channel_id = ${LOOKUP_CHANNEL_ID} ORDER BY created_at DESC LIMIT 50`,
  createGoodIndex:
    'CREATE INDEX messages_channel_created_idx ON messages (channel_id, created_at DESC)',
  /** Low selectivity: live messages per channel want ~99% of the rows, so an index cannot help. */
  liveByChannel:
    'SELECT channel_id, count(*) AS n FROM messages WHERE deleted_at IS NULL GROUP BY channel_id',
  /** The same index IS used where it is selective: the ~1% deleted messages (a moderation view). */
  deletedByChannel:
    'SELECT channel_id, count(*) AS n FROM messages WHERE deleted_at IS NOT NULL GROUP BY channel_id',
  createDeletedAtIndex: 'CREATE INDEX messages_deleted_at_idx ON messages (deleted_at)',
  /** Write probe: 10,000 rows in one statement, inside BEGIN … ROLLBACK so the data never changes. */
  insertProbe: `INSERT INTO messages (channel_id, user_id, body, created_at)
SELECT 1 + (g * 7919 % 100), 1 + (g * 104729 % 20000), 'write cost probe ' || g,
       timestamptz '2025-06-01' + g * interval '1 second'
  FROM generate_series(1, 10000) AS g`,
  /**
   * Inside the probe only: skip the foreign-key triggers. Measured here, FK checks cost ~2× the bare
   * insert and their noise hides the index cost we want to show; the lesson text says so.
   */
  probeWithoutFkChecks: 'SET LOCAL session_replication_role = replica',
  extraWriteIndexes: [
    'CREATE INDEX messages_user_id_idx ON messages (user_id)',
    'CREATE INDEX messages_created_at_idx ON messages (created_at)',
  ],
  dropLabIndexes:
    'DROP INDEX IF EXISTS messages_channel_created_idx, messages_deleted_at_idx, messages_user_id_idx, messages_created_at_idx',
} as const;

export const INSERT_PROBE_ROWS = 10_000;
/** Repetitions per write-cost measurement; the median is reported. */
const WRITE_REPS = 5;

export interface PlanRun {
  sql: string;
  nodeTypes: string[];
  /** Postgres' Execution Time from EXPLAIN ANALYZE, ms. */
  ms: number;
  explain: ExplainResult;
}

export const INDEX_LAB_PARTS = ['lookup', 'lowSelectivity', 'writeCost'] as const;
export type IndexLabPart = (typeof INDEX_LAB_PARTS)[number];

export interface LookupResult {
  /** Rows in the messages table. */
  rows: number;
  lookupChannelId: number;
  withoutIndex: PlanRun;
  createIndexMs: number;
  withIndex: PlanRun;
}

/** An index that does not help: low selectivity (the query wants ~99% of the rows). */
export interface LowSelectivityResult {
  /** Share of rows the query wants (live messages). */
  liveShare: number;
  before: PlanRun;
  after: PlanRun;
  /** The same index on the selective opposite query (deleted messages, ~1%), where it is used. */
  selectiveAfter: PlanRun;
  indexUsedForLive: boolean;
  indexUsedForSelective: boolean;
}

/** What indexes cost on writes: the same 10,000-row INSERT with 0 vs 3 secondary indexes. */
export interface WriteCostResult {
  rows: number;
  secondaryIndexes: number;
  withoutMs: number;
  withMs: number;
  slowdown: number;
}

export interface IndexLabResult {
  lookup?: LookupResult;
  lowSelectivity?: LowSelectivityResult;
  writeCost?: WriteCostResult;
  log: QueryLogEntry[];
}

const usesIndex = (r: PlanRun): boolean =>
  r.nodeTypes.some((t) => t.startsWith('Index') || t.startsWith('Bitmap'));

async function plan(db: LoggedDb, sql: string, label: string): Promise<PlanRun> {
  const explain = await explainAnalyze(db, sql, [], label);
  return { sql, nodeTypes: explain.nodeTypes, ms: explain.executionMs, explain };
}

/** Median of WRITE_REPS runs of a statement inside BEGIN … ROLLBACK (dampens GC / JIT noise). */
async function timedRolledBack(db: LoggedDb, sql: string, label: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < WRITE_REPS; i++) {
    await db.pg.exec('BEGIN');
    await db.pg.exec(INDEXING_SQL.probeWithoutFkChecks);
    try {
      const mark = db.log.mark();
      await db.query(sql, [], label);
      times.push(db.log.since(mark)[0]?.dbMs ?? 0);
    } finally {
      await db.pg.exec('ROLLBACK');
    }
  }
  return times.sort((a, b) => a - b)[Math.floor(WRITE_REPS / 2)] as number;
}

async function timed(db: LoggedDb, sql: string, label: string): Promise<number> {
  const mark = db.log.mark();
  await db.exec(sql, label);
  return db.log.since(mark)[0]?.dbMs ?? 0;
}

async function count(db: LoggedDb, sql: string): Promise<number> {
  return (await db.query<{ n: number }>(sql, [], 'setup')).rows[0]?.n ?? 0;
}

/** The realistic lookup before and after CREATE INDEX (what the CLI's `explain` prints). */
export async function runLookup(db: LoggedDb): Promise<LookupResult> {
  await db.exec(INDEXING_SQL.dropLabIndexes, 'setup');
  const rows = await count(db, INDEXING_SQL.countMessages);
  const withoutIndex = await plan(db, INDEXING_SQL.latestInChannel, 'without index');
  const createIndexMs = await timed(db, INDEXING_SQL.createGoodIndex, 'create index');
  const withIndex = await plan(db, INDEXING_SQL.latestInChannel, 'with index');
  await db.exec(INDEXING_SQL.dropLabIndexes, 'cleanup');
  return { rows, lookupChannelId: LOOKUP_CHANNEL_ID, withoutIndex, createIndexMs, withIndex };
}

export async function runLowSelectivity(db: LoggedDb): Promise<LowSelectivityResult> {
  await db.exec(INDEXING_SQL.dropLabIndexes, 'setup');
  const rows = await count(db, INDEXING_SQL.countMessages);
  const live = await count(db, 'SELECT count(*)::int AS n FROM messages WHERE deleted_at IS NULL');
  const before = await plan(db, INDEXING_SQL.liveByChannel, 'low selectivity: before');
  await db.exec(INDEXING_SQL.createDeletedAtIndex, 'create index');
  const after = await plan(db, INDEXING_SQL.liveByChannel, 'low selectivity: after');
  const selectiveAfter = await plan(db, INDEXING_SQL.deletedByChannel, 'selective: after');
  await db.exec(INDEXING_SQL.dropLabIndexes, 'cleanup');
  return {
    liveShare: rows > 0 ? live / rows : 0,
    before,
    after,
    selectiveAfter,
    indexUsedForLive: usesIndex(after),
    indexUsedForSelective: usesIndex(selectiveAfter),
  };
}

export async function runWriteCost(db: LoggedDb): Promise<WriteCostResult> {
  await db.exec(INDEXING_SQL.dropLabIndexes, 'setup');
  const withoutMs = await timedRolledBack(db, INDEXING_SQL.insertProbe, 'insert, primary key only');
  await db.exec(INDEXING_SQL.createGoodIndex, 'create index');
  for (const sql of INDEXING_SQL.extraWriteIndexes) await db.exec(sql, 'create index');
  const withMs = await timedRolledBack(db, INDEXING_SQL.insertProbe, 'insert, 3 secondary indexes');
  await db.exec(INDEXING_SQL.dropLabIndexes, 'cleanup');
  return {
    rows: INSERT_PROBE_ROWS,
    secondaryIndexes: 1 + INDEXING_SQL.extraWriteIndexes.length,
    withoutMs,
    withMs,
    slowdown: withoutMs > 0 ? withMs / withoutMs : 0,
  };
}

export async function runIndexLab(
  pg: PGliteInterface,
  opts: { rttMs?: number; parts?: readonly IndexLabPart[] } = {},
): Promise<IndexLabResult> {
  const parts = new Set(opts.parts ?? INDEX_LAB_PARTS);
  const db = new LoggedDb(pg, new QueryLog(opts.rttMs ?? 0));
  const result: IndexLabResult = { log: db.log.entries };
  if (parts.has('lookup')) result.lookup = await runLookup(db);
  if (parts.has('lowSelectivity')) result.lowSelectivity = await runLowSelectivity(db);
  if (parts.has('writeCost')) result.writeCost = await runWriteCost(db);
  return result;
}

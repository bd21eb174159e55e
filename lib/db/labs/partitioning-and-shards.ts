import type { PGliteInterface } from '@electric-sql/pglite';
import type { LoggedDb } from '../querylog';
import { createRng, sampleCumulative, zipfCumulative } from '../seed/prng';
import {
  checkRange,
  ConsistencyLabError,
  DEFAULT_SHARDS,
  EventList,
  guardLab,
  logged,
  MAX_SHARDS,
  type ConsistencyCounts,
  type LabEvent,
  type StrategyOf,
} from './consistency-common';

/**
 * Partitioning and sharding, two different tools.
 *
 * 1. Declarative partitioning inside ONE Postgres: `PARTITION BY HASH (channel_id)` and
 *    `PARTITION BY RANGE (created_at)`. The planner prunes partitions whose bounds cannot match the
 *    WHERE clause; EXPLAIN shows which partitions a query touches.
 * 2. Application-level sharding over separate PGlite instances (separate "servers"): the app hashes
 *    the shard key (channel_id) to pick a shard. A query by the key touches one shard; a query by
 *    anything else (a user's latest messages) must ask every shard and merge: scatter-gather. With a
 *    skewed key (one very busy channel) one shard takes a disproportionate share of the load.
 *
 * The shards run one after another in this worker (one thread), so `scatterGatherMs` is the total
 * work; `scatterGatherParallelMs` is what a client would wait if the shards answered in parallel
 * (the slowest shard), which is how a real cluster behaves.
 */
export type ShardStrategy = StrategyOf<'shards'>;

export interface ShardsOptions {
  strategy?: ShardStrategy;
  shards?: number;
  /** Messages spread over the shards. */
  messages?: number;
  /** Queries of each kind (single-shard and scatter-gather). */
  queries?: number;
  seed?: number;
}

export interface PruningCase {
  label: string;
  sql: string;
  /** Partitions the plan reads, of all partitions of the table. */
  scanned: string[];
  total: number;
}

export interface ShardLoad {
  shard: number;
  rows: number;
  queries: number;
}

export interface ShardsResult extends ConsistencyCounts<'shards'> {
  shards: number;
  singleShardMs: number;
  scatterGatherMs: number;
  scatterGatherParallelMs: number;
  /** Busiest shard's share of single-shard queries (1 / shards when balanced). */
  hotShardShare: number;
  hotShardRowShare: number;
  load: ShardLoad[];
  pruning: PruningCase[];
  /** WebAssembly memory of the instances the lab used, bytes (0 if unknown). */
  memoryBytes: number;
  events: LabEvent[];
}

export const SHARDS_DEFAULTS = {
  shards: DEFAULT_SHARDS,
  messages: 4000,
  queries: 100,
  seed: 1,
} as const;
const CHANNELS = 200;
const USERS = 500;
/**
 * Skewed key: channel popularity with Zipf exponent 1.2 over 200 channels puts ~18% of all messages
 * in the busiest channel — a company-wide #general next to small team channels.
 */
const SKEW_EXPONENT = 1.2;
const PARTITIONS = 4;

const PARTITION_SETUP = `
DROP TABLE IF EXISTS msgs_by_channel, msgs_by_month CASCADE;
CREATE TABLE msgs_by_channel (id bigint, channel_id integer, user_id integer, body text)
  PARTITION BY HASH (channel_id);
${Array.from({ length: PARTITIONS }, (_, r) => `CREATE TABLE msgs_by_channel_p${r} PARTITION OF msgs_by_channel FOR VALUES WITH (MODULUS ${PARTITIONS}, REMAINDER ${r});`).join('\n')}
CREATE TABLE msgs_by_month (id bigint, channel_id integer, created_at date NOT NULL)
  PARTITION BY RANGE (created_at);
${Array.from({ length: 6 }, (_, m) => `CREATE TABLE msgs_by_month_2025_0${m + 1} PARTITION OF msgs_by_month FOR VALUES FROM ('2025-0${m + 1}-01') TO ('${m === 5 ? '2025-07' : `2025-0${m + 2}`}-01');`).join('\n')}
INSERT INTO msgs_by_channel SELECT g, 1 + (g * 7919) % ${CHANNELS}, 1 + g % ${USERS}, 'message ' || g FROM generate_series(1, 20000) AS g;
INSERT INTO msgs_by_month SELECT g, 1 + (g * 7919) % ${CHANNELS}, date '2025-01-01' + (g % 181) FROM generate_series(1, 20000) AS g;
ANALYZE msgs_by_channel; ANALYZE msgs_by_month;`;

export const PRUNING_QUERIES = [
  {
    label: 'by the partition key (channel 42)',
    table: 'msgs_by_channel',
    sql: 'SELECT * FROM msgs_by_channel WHERE channel_id = 42',
  },
  {
    label: 'by another column (user 7): every partition',
    table: 'msgs_by_channel',
    sql: 'SELECT * FROM msgs_by_channel WHERE user_id = 7',
  },
  {
    label: 'by a time range (June 2025)',
    table: 'msgs_by_month',
    sql: "SELECT count(*) FROM msgs_by_month WHERE created_at >= date '2025-06-01'",
  },
] as const;

const SHARD_SETUP = `
DROP TABLE IF EXISTS shard_messages CASCADE;
CREATE TABLE shard_messages (id bigint PRIMARY KEY, channel_id integer NOT NULL,
  user_id integer NOT NULL, body text NOT NULL);
CREATE INDEX shard_messages_channel_idx ON shard_messages (channel_id, id);
CREATE INDEX shard_messages_user_idx ON shard_messages (user_id, id);`;

export const SHARD_SQL = {
  load: `INSERT INTO shard_messages SELECT * FROM jsonb_to_recordset($1::jsonb)
  AS x(id bigint, channel_id integer, user_id integer, body text)`,
  byChannel: 'SELECT id, body FROM shard_messages WHERE channel_id = $1 ORDER BY id DESC LIMIT 50',
  byUser: 'SELECT id, body FROM shard_messages WHERE user_id = $1 ORDER BY id DESC LIMIT 50',
} as const;

/** The router: murmur3's 32-bit finaliser on the key, modulo the shard count. */
export function shardOf(key: number, shards: number): number {
  let h = key >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h % shards;
}

function relations(plan: unknown, out: string[] = []): string[] {
  if (plan && typeof plan === 'object') {
    const node = plan as Record<string, unknown>;
    if (typeof node['Relation Name'] === 'string') out.push(node['Relation Name']);
    for (const v of Object.values(node)) if (typeof v === 'object') relations(v, out);
  }
  return out;
}

async function pruning(db: LoggedDb): Promise<PruningCase[]> {
  await db.exec(PARTITION_SETUP, 'setup');
  const cases: PruningCase[] = [];
  for (const q of PRUNING_QUERIES) {
    const res = await db.query<{ 'QUERY PLAN': unknown }>(
      `EXPLAIN (FORMAT JSON) ${q.sql}`,
      [],
      'explain',
    );
    const scanned = [...new Set(relations(res.rows[0]?.['QUERY PLAN']))].sort();
    const total = q.table === 'msgs_by_channel' ? PARTITIONS : 6;
    cases.push({ label: q.label, sql: q.sql, scanned, total });
  }
  return cases;
}

export function validateShards(o: ShardsOptions): Required<ShardsOptions> {
  return {
    strategy: o.strategy ?? 'uniform',
    shards: checkRange('shards', o.shards ?? SHARDS_DEFAULTS.shards, 1, MAX_SHARDS),
    messages: checkRange('messages', o.messages ?? SHARDS_DEFAULTS.messages, 1, 50_000),
    queries: checkRange('queries', o.queries ?? SHARDS_DEFAULTS.queries, 1, 2000),
    seed: o.seed ?? SHARDS_DEFAULTS.seed,
  };
}

export function runShards(
  instances: readonly PGliteInterface[],
  options: ShardsOptions = {},
  memoryBytes: () => number = () => 0,
): Promise<ShardsResult> {
  const o = validateShards(options);
  if (instances.length < o.shards)
    throw new ConsistencyLabError(`shards: ${o.shards} shards need ${o.shards} database instances`);
  return guardLab('shards', async () => {
    const t0 = performance.now();
    const dbs = instances.slice(0, o.shards).map(logged);
    const first = dbs[0] as LoggedDb;
    const pruned = await pruning(first);
    const rng = createRng(o.seed);
    const cum = zipfCumulative(CHANNELS, SKEW_EXPONENT);
    const channel = (): number =>
      1 + (o.strategy === 'skewed' ? sampleCumulative(cum, rng.next()) : rng.int(0, CHANNELS - 1));
    const rows: Array<Array<{ id: number; channel_id: number; user_id: number; body: string }>> =
      dbs.map(() => []);
    for (let id = 1; id <= o.messages; id++) {
      const c = channel();
      rows[shardOf(c, o.shards)]?.push({
        id,
        channel_id: c,
        user_id: rng.int(1, USERS),
        body: `message ${id}`,
      });
    }
    for (const [i, db] of dbs.entries()) {
      await db.exec(SHARD_SETUP, 'setup');
      await db.query(SHARD_SQL.load, [JSON.stringify(rows[i])], 'setup');
    }
    // Warm-up, unmeasured: the first runs of a query shape pay V8's wasm tier-up (engine.ts
    // warmUp) and would make whichever kind runs first look slower.
    for (const db of dbs) {
      for (let k = 1; k <= 5; k++) {
        await db.query(SHARD_SQL.byChannel, [k], 'warm-up');
        await db.query(SHARD_SQL.byUser, [k], 'warm-up');
      }
    }
    const events = new EventList();
    const queriesPerShard = dbs.map(() => 0);
    let singleMs = 0;
    for (let q = 0; q < o.queries; q++) {
      const c = channel();
      const s = shardOf(c, o.shards);
      const db = dbs[s] as LoggedDb;
      const mark = db.log.mark();
      await db.query(SHARD_SQL.byChannel, [c], 'single');
      queriesPerShard[s] = (queriesPerShard[s] ?? 0) + 1;
      singleMs += db.log.summary(mark).dbMs;
      if (q < 20)
        events.push({
          tMs: q,
          kind: 'single-shard',
          actor: `shard ${s}`,
          detail: `channel ${c}: 1 shard`,
        });
    }
    let scatterMs = 0;
    let parallelMs = 0;
    for (let q = 0; q < o.queries; q++) {
      const user = rng.int(1, USERS);
      const times: number[] = [];
      const merged: number[] = [];
      for (const db of dbs) {
        const mark = db.log.mark();
        const res = await db.query<{ id: number }>(SHARD_SQL.byUser, [user], 'scatter');
        times.push(db.log.summary(mark).dbMs);
        for (const r of res.rows) merged.push(Number(r.id));
      }
      // Gather: the newest 50 across shards, as the single-database query would return.
      merged.sort((a, b) => b - a).splice(50);
      scatterMs += times.reduce((a, b) => a + b, 0);
      parallelMs += Math.max(...times);
      if (q < 20)
        events.push({
          tMs: o.queries + q,
          kind: 'scatter-gather',
          actor: `user ${user}`,
          detail: `${o.shards} shards asked, ${merged.length} messages merged`,
        });
    }
    const load = dbs.map((_, shard) => ({
      shard,
      rows: rows[shard]?.length ?? 0,
      queries: queriesPerShard[shard] ?? 0,
    }));
    return {
      lab: 'shards',
      strategy: o.strategy,
      seed: o.seed,
      requests: 2 * o.queries,
      staleReads: 0,
      duplicates: 0,
      lostUpdates: 0,
      lostEvents: 0,
      primaryQueries: 0,
      ms: performance.now() - t0,
      shards: o.shards,
      singleShardMs: singleMs / o.queries,
      scatterGatherMs: scatterMs / o.queries,
      scatterGatherParallelMs: parallelMs / o.queries,
      hotShardShare: Math.max(...load.map((l) => l.queries)) / o.queries,
      hotShardRowShare: Math.max(...load.map((l) => l.rows)) / o.messages,
      load,
      pruning: pruned,
      memoryBytes: memoryBytes(),
      events: events.items,
    };
  });
}

import type { PGliteInterface } from '@electric-sql/pglite';
import { createRng, type Rng } from '../seed/prng';
import { LoggedDb, QueryLog, summarize, type QueryLogEntry } from '../querylog';
import { ENDPOINTS, MEASURE_SQL, SEARCH_TERM, TRAFFIC_MIX, type Endpoint } from './measure-sql';
import { percentile, statementStats, type StatementStats } from './measure-stats';

export type { StatementStats } from './measure-stats';

export interface MeasureOptions {
  /** Requests in the workload (default 100). */
  requests?: number;
  rttMs: number;
  /** Workload seed (sfc32): same seed ⇒ same request sequence and the same query counts. */
  seed?: number;
  variants?: readonly MeasureVariant[];
}

export type MeasureVariant = 'baseline' | 'fixed';

export interface EndpointStats {
  endpoint: Endpoint;
  calls: number;
  /** Sum over calls of (db + simulated RTT) of the endpoint's queries, ms: request latency. */
  totalMs: number;
  meanMs: number;
  maxMs: number;
  /** Request latency percentiles (nearest rank over this endpoint's calls), ms. */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** 95th percentile of the simulated network wait alone (queries × RTT), ms. */
  p95RttMs: number;
  queriesPerRequest: number;
  /** Database time only, summed over calls, ms. */
  dbMs: number;
  /** Simulated network time, summed over calls, ms. */
  rttMs: number;
  /** Share of the workload's database time: what loads the database server. */
  share: number;
  /** Share of the workload's total time (database + simulated network): a latency view. */
  latencyShare: number;
}

interface EndpointAccumulator {
  calls: number;
  totalMs: number;
  dbMs: number;
  rttMs: number;
  queries: number;
  latencies: number[];
  rttWaits: number[];
}

export interface RequestTrace {
  requestId: number;
  endpoint: Endpoint;
  userId: number;
  totalMs: number;
  /** The request's queries; startMs is relative to the request's start (a waterfall). */
  queries: QueryLogEntry[];
}

export interface MeasureRun {
  variant: MeasureVariant;
  requests: number;
  queries: number;
  /** Database + simulated network, ms. */
  totalMs: number;
  /** Database time alone, ms. */
  dbMs: number;
  /** Simulated network time alone (queries × RTT), ms. */
  rttMs: number;
  /** Sorted by database time, largest first: what loads the server. */
  endpoints: EndpointStats[];
  /** The endpoint that consumes the most database time. */
  bottleneck: Endpoint;
  /** The endpoint with the slowest mean request: the tempting (wrong) first guess. */
  slowestPerRequest: Endpoint;
  /** The slowest request of each endpoint that was called, with its query waterfall. */
  traces: RequestTrace[];
  /** Per statement text, by database time: what pg_stat_statements would list. */
  statements: StatementStats[];
}

export interface MeasureLabResult {
  rttMs: number;
  seed: number;
  runs: Partial<Record<MeasureVariant, MeasureRun>>;
}

/** Users whose sidebars the workload renders: every user has #general + 2–14 channels (seed). */
const ACTING_USERS = 200;

/**
 * Exactly round(mix × requests) calls per endpoint (largest remainders fill the rest), in a seeded
 * Fisher–Yates order: the mix is exact at every size, only the order and the users are random.
 */
export function schedule(requests: number, rng: Rng): Endpoint[] {
  const quotas = ENDPOINTS.map((e) => ({ e, exact: TRAFFIC_MIX[e] * requests }));
  const counts = new Map(quotas.map((q) => [q.e, Math.floor(q.exact)]));
  let missing = requests - [...counts.values()].reduce((a, b) => a + b, 0);
  for (const q of [...quotas].sort((a, b) => (b.exact % 1) - (a.exact % 1))) {
    if (missing-- <= 0) break;
    counts.set(q.e, (counts.get(q.e) ?? 0) + 1);
  }
  const list = ENDPOINTS.flatMap((e) => Array.from({ length: counts.get(e) ?? 0 }, () => e));
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [list[i], list[j]] = [list[j] as Endpoint, list[i] as Endpoint];
  }
  return list;
}

async function handle(
  db: LoggedDb,
  endpoint: Endpoint,
  userId: number,
  variant: MeasureVariant,
  label: string,
): Promise<void> {
  if (endpoint === 'GET /channels') {
    if (variant === 'fixed') {
      await db.query(MEASURE_SQL.channelsFixed, [userId], label);
      return;
    }
    const channels = await db.query<{ id: number; last_read_message_id: number }>(
      MEASURE_SQL.myChannels,
      [userId],
      label,
    );
    for (const ch of channels.rows) {
      await db.query(MEASURE_SQL.unreadCount, [ch.id, ch.last_read_message_id], label);
      await db.query(MEASURE_SQL.lastMessage, [ch.id], label);
    }
  } else if (endpoint === 'GET /inbox') {
    await db.query(MEASURE_SQL.inbox, [userId], label);
  } else if (endpoint === 'GET /channels/:id/messages') {
    const channelId = 1 + (userId % 7);
    const rows = await db.query<{ id: number }>(MEASURE_SQL.history, [channelId], label);
    await db.query(MEASURE_SQL.markRead, [userId, channelId, rows.rows[0]?.id ?? 0], label);
  } else if (endpoint === 'POST /messages') {
    await db.query(
      MEASURE_SQL.send,
      [1 + (userId % 7), userId, `hello from user ${userId}`],
      label,
    );
  } else {
    // Search in #random (channel 2, ~8k messages in the app data dir): the slowest single request.
    await db.query(MEASURE_SQL.search, [2, SEARCH_TERM], label);
  }
}

export async function runMeasureVariant(
  pg: PGliteInterface,
  variant: MeasureVariant,
  opts: MeasureOptions,
): Promise<MeasureRun> {
  const requests = opts.requests ?? 100;
  const rng = createRng(opts.seed ?? 1);
  const log = new QueryLog(opts.rttMs);
  const db = new LoggedDb(pg, log);
  const traces = new Map<Endpoint, RequestTrace>();
  const stats = new Map<Endpoint, EndpointAccumulator>();
  // Writes (send, mark-read) are rolled back at the end, so the lab can be rerun on the same data.
  await pg.exec('BEGIN');
  try {
    const plan = schedule(requests, rng);
    for (let i = 1; i <= requests; i++) {
      const endpoint = plan[i - 1] as Endpoint;
      const userId = rng.int(1, ACTING_USERS);
      const mark = log.mark();
      await handle(db, endpoint, userId, variant, `#${i} ${endpoint}`);
      const entries = log.since(mark);
      const s = summarize(entries);
      const start = entries[0]?.startMs ?? 0;
      const st = stats.get(endpoint) ?? {
        calls: 0,
        totalMs: 0,
        dbMs: 0,
        rttMs: 0,
        queries: 0,
        latencies: [],
        rttWaits: [],
      };
      st.calls += 1;
      st.totalMs += s.totalMs;
      st.dbMs += s.dbMs;
      st.rttMs += s.rttMs;
      st.queries += s.queries;
      st.latencies.push(s.totalMs);
      st.rttWaits.push(s.rttMs);
      stats.set(endpoint, st);
      if (!traces.has(endpoint) || (traces.get(endpoint)?.totalMs ?? 0) < s.totalMs) {
        traces.set(endpoint, {
          requestId: i,
          endpoint,
          userId,
          totalMs: s.totalMs,
          queries: entries.map((e) => ({ ...e, startMs: e.startMs - start })),
        });
      }
    }
  } finally {
    await pg.exec('ROLLBACK');
  }
  const all = summarize(log.entries);
  const endpoints: EndpointStats[] = [...stats.entries()]
    .map(([endpoint, st]) => ({
      endpoint,
      calls: st.calls,
      totalMs: st.totalMs,
      meanMs: st.totalMs / st.calls,
      maxMs: Math.max(...st.latencies),
      p50Ms: percentile(st.latencies, 0.5),
      p95Ms: percentile(st.latencies, 0.95),
      p99Ms: percentile(st.latencies, 0.99),
      p95RttMs: percentile(st.rttWaits, 0.95),
      queriesPerRequest: st.queries / st.calls,
      dbMs: st.dbMs,
      rttMs: st.rttMs,
      share: all.dbMs > 0 ? st.dbMs / all.dbMs : 0,
      latencyShare: all.totalMs > 0 ? st.totalMs / all.totalMs : 0,
    }))
    .sort((a, b) => b.dbMs - a.dbMs);
  const first = endpoints[0];
  if (!first) throw new Error('measure lab: no requests');
  const slowest = endpoints.reduce((a, b) => (b.meanMs > a.meanMs ? b : a), first);
  return {
    variant,
    requests,
    queries: all.queries,
    totalMs: all.totalMs,
    dbMs: all.dbMs,
    rttMs: all.rttMs,
    endpoints,
    bottleneck: first.endpoint,
    slowestPerRequest: slowest.endpoint,
    traces: ENDPOINTS.flatMap((e) => traces.get(e) ?? []),
    statements: statementStats(log.entries),
  };
}

export async function runMeasureLab(
  pg: PGliteInterface,
  opts: MeasureOptions,
): Promise<MeasureLabResult> {
  const seed = opts.seed ?? 1;
  const runs: Partial<Record<MeasureVariant, MeasureRun>> = {};
  for (const v of opts.variants ?? (['baseline', 'fixed'] as const))
    runs[v] = await runMeasureVariant(pg, v, { ...opts, seed });
  return { rttMs: opts.rttMs, seed, runs };
}

import type { PGliteInterface } from '@electric-sql/pglite';
import { createRng, sampleCumulative, zipfCumulative } from '../seed/prng';
import { LoggedDb, QueryLog, type QueryLogEntry } from '../querylog';

/**
 * Caching lab ("cache frequently accessed data intelligently"): a cache-aside cache in front of a
 * hot query, on the `app` data dir (the application looks up the cache, and on a miss queries
 * Postgres and stores the result). Cache time is LOGICAL (a request every `intervalMs`), so hit
 * ratios and stale reads are deterministic; only database times are measured for real.
 *
 * Strategies: no cache; entries expire after a TTL; invalidate-on-write (the write path deletes the
 * key after its INSERT, and entries still expire after the TTL as a safety net against races).
 */
export const CACHE_STRATEGIES = ['none', 'ttl', 'invalidate-on-write'] as const;
export type CacheStrategy = (typeof CACHE_STRATEGIES)[number];

/**
 * One cache operation (GET, SET or DEL) costs one network round trip, priced exactly like a Postgres
 * round trip (the lab's RTT setting), plus no server time: Redis answers a GET from memory in
 * microseconds (redis.io latency docs put p50 at ~0.2–0.5 ms *including* the hop, which is the
 * same-zone RTT preset). So at RTT 0.5 ms a hit costs 0.5 ms and a Postgres query 0.5 ms + its time.
 */
export function cacheOpMs(rttMs: number): number {
  return rttMs;
}

export const CACHING_SQL = {
  /** The hot query: a channel header (message count + latest message), on every channel view. */
  channelHeader: `SELECT c.id, c.name,
       (SELECT count(*) FROM messages AS m WHERE m.channel_id = c.id)::int AS messages,
       last.id AS last_message_id, last.body AS last_message
  FROM channels AS c
  LEFT JOIN LATERAL (SELECT id, body FROM messages AS m
                      WHERE m.channel_id = c.id ORDER BY m.id DESC LIMIT 1) AS last ON true
 WHERE c.id = $1`,
  postMessage: `INSERT INTO messages (channel_id, user_id, body, created_at)
VALUES ($1, $2, $3, timestamptz '2025-06-01') RETURNING id`,
} as const;

export interface CachingOptions {
  rttMs: number;
  strategies?: readonly CacheStrategy[];
  /** TTL of the 'ttl' strategy, logical ms (default 10 s). */
  ttlMs?: number;
  /** Requests in the workload (default 200), one every intervalMs of logical time (default 100). */
  requests?: number;
  intervalMs?: number;
  /** Every `writeEvery`-th request posts a message instead of reading (default 10: 10% writes). */
  writeEvery?: number;
  seed?: number;
}

export interface CacheEvent {
  tMs: number;
  kind: 'read' | 'write';
  channelId: number;
  hit?: boolean;
  /** A hit whose value predates a write to the same key (the reader sees an old last message). */
  stale?: boolean;
  latencyMs: number;
}

export interface CachingRun {
  strategy: CacheStrategy;
  reads: number;
  writes: number;
  hits: number;
  misses: number;
  hitRatio: number;
  staleReads: number;
  /** Longest time a reader saw stale data after a write, logical ms. */
  maxStaleMs: number;
  meanReadMs: number;
  p95ReadMs: number;
  dbQueries: number;
  events: CacheEvent[];
  log: QueryLogEntry[];
}

export interface CachingLabResult {
  rttMs: number;
  ttlMs: number;
  intervalMs: number;
  runs: Partial<Record<CacheStrategy, CachingRun>>;
}

interface Entry {
  storedAtMs: number;
  version: number;
}

/** Hot channels: 20 keys with Zipf popularity (a few channels get most views). */
export const HOT_CHANNELS = 20;

const percentile = (xs: number[], p: number): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] as number;
};

export async function runCachingStrategy(
  pg: PGliteInterface,
  strategy: CacheStrategy,
  opts: CachingOptions,
): Promise<CachingRun> {
  const ttlMs = opts.ttlMs ?? 10_000;
  const interval = opts.intervalMs ?? 100;
  const requests = opts.requests ?? 200;
  const writeEvery = opts.writeEvery ?? 10;
  const rng = createRng(opts.seed ?? 7);
  const cum = zipfCumulative(HOT_CHANNELS, 1);
  const log = new QueryLog(opts.rttMs);
  const db = new LoggedDb(pg, log);
  const opMs = cacheOpMs(opts.rttMs);
  const cache = new Map<number, Entry>();
  const version = new Map<number, number>();
  const lastWriteAt = new Map<number, number>();
  const events: CacheEvent[] = [];
  let hits = 0;
  let staleReads = 0;
  let maxStaleMs = 0;
  const readLatencies: number[] = [];
  await pg.exec('BEGIN');
  try {
    for (let i = 1; i <= requests; i++) {
      const tMs = i * interval;
      const channelId = 1 + sampleCumulative(cum, rng.next());
      if (i % writeEvery === 0) {
        const mark = log.mark();
        await db.query(
          CACHING_SQL.postMessage,
          [channelId, 1 + (i % 1000), `cache lab message ${i}`],
          'write',
        );
        version.set(channelId, (version.get(channelId) ?? 0) + 1);
        lastWriteAt.set(channelId, tMs);
        // Invalidate on write: after the INSERT, the write path deletes the cached key (one op).
        let latencyMs = log.summary(mark).totalMs;
        if (strategy === 'invalidate-on-write') {
          cache.delete(channelId);
          latencyMs += opMs;
        }
        events.push({ tMs, kind: 'write', channelId, latencyMs });
        continue;
      }
      const current = version.get(channelId) ?? 0;
      const entry = strategy === 'none' ? undefined : cache.get(channelId);
      const fresh = entry && tMs - entry.storedAtMs < ttlMs;
      if (entry && fresh) {
        hits += 1;
        const stale = entry.version < current;
        if (stale) {
          staleReads += 1;
          maxStaleMs = Math.max(maxStaleMs, tMs - (lastWriteAt.get(channelId) ?? tMs));
        }
        readLatencies.push(opMs);
        events.push({ tMs, kind: 'read', channelId, hit: true, stale, latencyMs: opMs });
        continue;
      }
      const mark = log.mark();
      await db.query(CACHING_SQL.channelHeader, [channelId], 'read');
      // Miss: the GET that missed + the query + the SET that fills the cache ('none': query only).
      const latencyMs = log.summary(mark).totalMs + (strategy === 'none' ? 0 : 2 * opMs);
      if (strategy !== 'none') cache.set(channelId, { storedAtMs: tMs, version: current });
      readLatencies.push(latencyMs);
      events.push({ tMs, kind: 'read', channelId, hit: false, stale: false, latencyMs });
    }
  } finally {
    await pg.exec('ROLLBACK');
  }
  const reads = readLatencies.length;
  return {
    strategy,
    reads,
    writes: requests - reads,
    hits,
    misses: reads - hits,
    hitRatio: reads > 0 ? hits / reads : 0,
    staleReads,
    maxStaleMs,
    meanReadMs: reads > 0 ? readLatencies.reduce((a, b) => a + b, 0) / reads : 0,
    p95ReadMs: percentile(readLatencies, 0.95),
    dbQueries: log.entries.length,
    events,
    log: log.entries,
  };
}

export async function runCachingLab(
  pg: PGliteInterface,
  opts: CachingOptions,
): Promise<CachingLabResult> {
  const runs: Partial<Record<CacheStrategy, CachingRun>> = {};
  for (const s of opts.strategies ?? CACHE_STRATEGIES)
    runs[s] = await runCachingStrategy(pg, s, opts);
  return {
    rttMs: opts.rttMs,
    ttlMs: opts.ttlMs ?? 10_000,
    intervalMs: opts.intervalMs ?? 100,
    runs,
  };
}

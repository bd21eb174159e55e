import type { PGliteInterface } from '@electric-sql/pglite';
import { createRng, sampleCumulative, zipfCumulative } from '../seed/prng';
import { LoggedDb, QueryLog } from '../querylog';
import { CACHING_SQL, cacheOpMs, HOT_CHANNELS } from './caching';

/**
 * Cache stampede after a flush (a deploy, a restart, an evicted hot key): every key is empty and
 * reads keep arriving. A miss starts a fill (the channel-header query); reads of the same key that
 * arrive while the fill is in flight also miss. Without coalescing each of them sends its own
 * query; with coalescing (single-flight: one fill per key, the others wait for its result) Postgres
 * sees one query per key.
 *
 * Time is logical, as in the caching lab: a read every 1000 / readsPerSecond ms, channels drawn
 * from the same Zipf popularity. Every query really runs on PGlite and its measured time is used.
 * Postgres is modelled as ONE executor (PGlite runs one statement at a time): queries queue in
 * arrival order, so when misses arrive faster than it answers, the queue and every fill grow; a
 * server with k cores would drain k queries at once and shrink the queue, not remove it.
 */
export const STAMPEDE_VARIANTS = ['warm', 'flush', 'flush-coalesced'] as const;
export type StampedeVariant = (typeof STAMPEDE_VARIANTS)[number];

export interface StampedeOptions {
  rttMs: number;
  /** Reads per second over all hot channels (default 1,000). */
  readsPerSecond?: number;
  /** Logical time simulated after the flush, ms (default 200). */
  durationMs?: number;
  variants?: readonly StampedeVariant[];
  seed?: number;
}

export interface StampedeRun {
  variant: StampedeVariant;
  reads: number;
  hits: number;
  /** Reads that waited for another read's fill (coalesced), counted apart from hits. */
  waits: number;
  dbQueries: number;
  /** Queries sent for the most popular channel. */
  hotKeyQueries: number;
  /** Sum of the measured query times: the work Postgres did. */
  dbBusyMs: number;
  /** Most queries queued or running in Postgres at once. */
  peakQueue: number;
  meanReadMs: number;
  p95ReadMs: number;
  maxReadMs: number;
}

export interface StampedeResult {
  rttMs: number;
  readsPerSecond: number;
  durationMs: number;
  /** Share of reads that go to the most popular channel (Zipf, 20 channels). */
  hotKeyShare: number;
  runs: Partial<Record<StampedeVariant, StampedeRun>>;
}

const percentile = (xs: number[], p: number): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] as number;
};

export async function runStampedeVariant(
  pg: PGliteInterface,
  variant: StampedeVariant,
  opts: StampedeOptions,
): Promise<StampedeRun> {
  const rate = opts.readsPerSecond ?? 1000;
  const duration = opts.durationMs ?? 200;
  const interval = 1000 / rate;
  const reads = Math.max(1, Math.floor(duration / interval));
  const rng = createRng(opts.seed ?? 11);
  const cum = zipfCumulative(HOT_CHANNELS, 1);
  const db = new LoggedDb(pg, new QueryLog(0));
  const opMs = cacheOpMs(opts.rttMs);
  const halfRtt = opts.rttMs / 2;
  /** When each key's value is in the cache (logical ms); warm: from the start. */
  const filledAt = new Map<number, number>();
  if (variant === 'warm') for (let k = 1; k <= HOT_CHANNELS; k++) filledAt.set(k, -1);
  const queueEnds: number[] = [];
  let dbFreeAt = 0;
  let hits = 0;
  let waits = 0;
  let dbQueries = 0;
  let hotKeyQueries = 0;
  let dbBusyMs = 0;
  let peakQueue = 0;
  const latencies: number[] = [];
  for (let i = 0; i < reads; i++) {
    const t = i * interval;
    const key = 1 + sampleCumulative(cum, rng.next());
    const ready = filledAt.get(key);
    if (ready !== undefined && ready <= t) {
      hits += 1;
      latencies.push(opMs);
      continue;
    }
    if (ready !== undefined && variant === 'flush-coalesced') {
      // A fill for this key is in flight: wait for it instead of querying (single-flight).
      waits += 1;
      latencies.push(opMs + (ready - t));
      continue;
    }
    const t0 = performance.now();
    await db.query(CACHING_SQL.channelHeader, [key]);
    const execMs = performance.now() - t0;
    const arrive = t + opMs + halfRtt;
    const start = Math.max(arrive, dbFreeAt);
    dbFreeAt = start + execMs;
    const done = dbFreeAt + halfRtt;
    while (queueEnds.length > 0 && (queueEnds[0] as number) <= arrive) queueEnds.shift();
    queueEnds.push(dbFreeAt);
    peakQueue = Math.max(peakQueue, queueEnds.length);
    dbQueries += 1;
    dbBusyMs += execMs;
    if (key === 1) hotKeyQueries += 1;
    // The SET lands after the query; the earliest fill wins for the reads that follow.
    const setAt = done + opMs;
    filledAt.set(key, Math.min(filledAt.get(key) ?? Number.POSITIVE_INFINITY, setAt));
    latencies.push(setAt - t);
  }
  return {
    variant,
    reads,
    hits,
    waits,
    dbQueries,
    hotKeyQueries,
    dbBusyMs,
    peakQueue,
    meanReadMs: latencies.reduce((a, b) => a + b, 0) / latencies.length,
    p95ReadMs: percentile(latencies, 0.95),
    maxReadMs: Math.max(...latencies),
  };
}

export async function runStampedeLab(
  pg: PGliteInterface,
  opts: StampedeOptions,
): Promise<StampedeResult> {
  const runs: Partial<Record<StampedeVariant, StampedeRun>> = {};
  for (const v of opts.variants ?? STAMPEDE_VARIANTS)
    runs[v] = await runStampedeVariant(pg, v, opts);
  const cum = zipfCumulative(HOT_CHANNELS, 1);
  return {
    rttMs: opts.rttMs,
    readsPerSecond: opts.readsPerSecond ?? 1000,
    durationMs: opts.durationMs ?? 200,
    hotKeyShare: cum[0] ?? 0,
    runs,
  };
}

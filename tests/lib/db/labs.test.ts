import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryLabEngine } from '@/lib/db/engine';
import { schedule } from '@/lib/db/labs/measure';
import { ENDPOINTS, TRAFFIC_MIX } from '@/lib/db/labs/measure-sql';
import { createRng } from '@/lib/db/seed/prng';
import { OPEN_TIMEOUT_MS, openEngine } from './helpers';

let engine: QueryLabEngine;
beforeAll(async () => {
  engine = await openEngine('app', true);
}, OPEN_TIMEOUT_MS);
afterAll(async () => engine?.close());

describe('measure-before-you-optimize lab', () => {
  it('should schedule exactly the traffic mix', () => {
    const plan = schedule(100, createRng(1));
    for (const e of ENDPOINTS)
      expect(plan.filter((x) => x === e)).toHaveLength(Math.round(TRAFFIC_MIX[e] * 100));
  });

  it('should find the N+1 sidebar, not the heavy-looking endpoints, as the bottleneck; the fix removes it', async () => {
    const r = await engine.runMeasureLab({ rttMs: 0.5 });
    const base = r.runs.baseline!;
    const fixed = r.runs.fixed!;
    const stat = (run: typeof base, e: string) => run.endpoints.find((x) => x.endpoint === e)!;
    expect(base.bottleneck).toBe('GET /channels');
    expect(stat(base, 'GET /channels').share).toBeGreaterThan(0.4);
    expect(stat(base, 'GET /channels').queriesPerRequest).toBeGreaterThan(10);
    for (const e of ['GET /inbox', 'GET /search', 'POST /messages'])
      expect(stat(base, e).queriesPerRequest).toBe(1);
    expect(stat(fixed, 'GET /channels').queriesPerRequest).toBe(1);
    expect(fixed.queries).toBeLessThan(base.queries / 4);
    expect(stat(fixed, 'GET /channels').totalMs).toBeLessThan(stat(base, 'GET /channels').totalMs);
    const trace = base.traces.find((t) => t.endpoint === 'GET /channels')!;
    expect(trace.queries[0]?.startMs).toBe(0);
    expect(trace.queries.length).toBeGreaterThan(10);
  });

  it('should issue the same queries on every run (deterministic workload, writes rolled back)', async () => {
    const a = await engine.runMeasureLab({ rttMs: 0, variants: ['baseline'], requests: 40 });
    const b = await engine.runMeasureLab({ rttMs: 0, variants: ['baseline'], requests: 40 });
    const shape = (x: typeof a) =>
      x.runs.baseline!.endpoints.map((e) => [e.endpoint, e.calls, e.queriesPerRequest]).sort();
    expect(shape(a)).toEqual(shape(b));
    expect(a.runs.baseline!.queries).toBe(b.runs.baseline!.queries);
  });
});

describe('caching lab', () => {
  it('should show hits, stale reads under TTL and none when invalidated on write', async () => {
    const r = await engine.runCachingLab({ rttMs: 0.5, requests: 120 });
    const none = r.runs.none!;
    const ttl = r.runs.ttl!;
    const wt = r.runs['invalidate-on-write']!;
    expect(none.hits).toBe(0);
    expect(none.dbQueries).toBe(120);
    expect(ttl.hitRatio).toBeGreaterThan(0.5);
    expect(wt.hitRatio).toBeGreaterThan(0.5);
    expect(ttl.staleReads).toBeGreaterThan(0);
    expect(ttl.maxStaleMs).toBeGreaterThan(0);
    expect(ttl.maxStaleMs).toBeLessThanOrEqual(r.ttlMs);
    expect(wt.staleReads).toBe(0);
    expect(ttl.meanReadMs).toBeLessThan(none.meanReadMs);
    expect(ttl.dbQueries).toBeLessThan(none.dbQueries);
  });

  it('should be deterministic in everything but measured times', async () => {
    const strip = (x: Awaited<ReturnType<QueryLabEngine['runCachingLab']>>) =>
      Object.values(x.runs).map((run) => [
        run.strategy,
        run.hits,
        run.staleReads,
        run.maxStaleMs,
        run.events.map((e) => [e.tMs, e.kind, e.channelId, e.hit, e.stale]),
      ]);
    const a = await engine.runCachingLab({ rttMs: 0, requests: 80, ttlMs: 3000 });
    const b = await engine.runCachingLab({ rttMs: 0, requests: 80, ttlMs: 3000 });
    expect(strip(a)).toEqual(strip(b));
  });

  it('should never serve a TTL hit older than the TTL', async () => {
    const r = await engine.runCachingLab({
      rttMs: 0,
      requests: 150,
      ttlMs: 1000,
      strategies: ['ttl'],
    });
    expect(r.runs.ttl!.maxStaleMs).toBeLessThan(1000);
  });
});

describe('stampede lab', () => {
  it('should send every concurrent miss to Postgres without coalescing, and one query per key with it', async () => {
    const r = await engine.runStampede({ rttMs: 0.5, readsPerSecond: 5000, durationMs: 60 });
    const warm = r.runs.warm!;
    const flush = r.runs.flush!;
    const single = r.runs['flush-coalesced']!;
    expect(warm.dbQueries).toBe(0);
    expect(warm.hits).toBe(warm.reads);
    // Coalesced: one fill per key that was read, however many reads arrived during it.
    expect(single.dbQueries).toBeLessThanOrEqual(20);
    expect(single.hotKeyQueries).toBe(1);
    expect(single.hits + single.waits + single.dbQueries).toBe(single.reads);
    // 5,000 reads/s, a fill takes at least two cache hops and a round trip (1.5 ms): the hot key
    // (28% of reads) gets several reads during its first fill, and each sends its own query.
    expect(flush.hotKeyQueries).toBeGreaterThan(1);
    expect(flush.dbQueries).toBeGreaterThan(single.dbQueries);
    expect(flush.dbBusyMs).toBeGreaterThan(single.dbBusyMs);
    expect(flush.peakQueue).toBeGreaterThan(single.peakQueue);
    expect(r.hotKeyShare).toBeCloseTo(1 / 3.5977, 3);
  });
});

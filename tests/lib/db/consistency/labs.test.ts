import type { PGlite, PGliteInterface } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InstancePool } from '@/lib/db/consistency-pool';
import { ConsistencyLabError } from '@/lib/db/labs/consistency-common';
import { runConsistencyLab } from '@/lib/db/labs/consistency';
import { runIdempotency } from '@/lib/db/labs/idempotency';
import { runLostUpdate } from '@/lib/db/labs/lost-update';
import { runOutbox } from '@/lib/db/labs/outbox';
import { runShards } from '@/lib/db/labs/partitioning-and-shards';
import { runReplicaLag } from '@/lib/db/labs/replica-lag';
import { loadNodeSource } from '@/lib/db/node/source';
import { OPEN_TIMEOUT_MS } from '../helpers';

// Two instances serve every lab here (replica-lag needs two; the shard lab runs with two shards):
// each PGlite costs seconds to open, and the labs recreate their own tables on every run.
let pool: InstancePool;
let a: PGlite;
let b: PGlite;
beforeAll(async () => {
  pool = InstancePool.fromSource(await loadNodeSource('consistency'));
  [a, b] = (await pool.take(2)) as [PGlite, PGlite];
}, OPEN_TIMEOUT_MS);
afterAll(async () => pool?.close());

/** Everything but wall-clock times: what must be identical for the same seed. */
const counts = (r: object): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(r).filter(([k, v]) => typeof v !== 'object' && !/Ms$|^ms$/.test(k)),
  );

describe('replica-lag lab', () => {
  const actions = 120;
  it('should show stale reads and vanished messages when every read goes to a 1 s replica', async () => {
    const r = await runReplicaLag(a, b, { strategy: 'replica', lagMs: 1000, actions });
    expect(r.staleReads).toBeGreaterThan(0);
    expect(r.vanished).toBeGreaterThan(0);
    expect(r.primaryReads).toBe(0);
    expect(r.primaryQueries).toBe(r.writes);
    expect(r.events.some((e) => e.anomaly === 'vanished')).toBe(true);
  });

  it('should show nothing stale at lag 0', async () => {
    const r = await runReplicaLag(a, b, { strategy: 'replica', lagMs: 0, actions });
    expect(r).toMatchObject({ staleReads: 0, vanished: 0 });
  });

  it('should let nobody lose their own message with a version token, at less primary load than a long window', async () => {
    const token = await runReplicaLag(a, b, { strategy: 'version-token', lagMs: 1000, actions });
    const window = await runReplicaLag(a, b, {
      strategy: 'primary-window',
      lagMs: 1000,
      windowMs: 5000,
      actions,
    });
    expect(token.vanished).toBe(0);
    expect(window.vanished).toBe(0);
    expect(token.tokenChecks).toBeGreaterThan(0);
    expect(token.primaryQueries).toBeLessThan(window.primaryQueries);
    // Read-your-writes is not strong consistency: other people's messages can still be missing.
    expect(token.staleReads).toBeGreaterThan(0);
  });

  it('should still lose messages when the primary window is shorter than the lag', async () => {
    const r = await runReplicaLag(a, b, {
      strategy: 'primary-window',
      lagMs: 1000,
      windowMs: 200,
      actions,
    });
    expect(r.vanished).toBeGreaterThan(0);
  });

  it('should give identical counts for the same seed and different ones for another seed', async () => {
    const x = await runReplicaLag(a, b, { lagMs: 100, seed: 5, actions });
    const y = await runReplicaLag(a, b, { lagMs: 100, seed: 5, actions });
    expect(counts(x)).toEqual(counts(y));
    expect(x.events).toEqual(y.events);
  });
});

describe('idempotency lab', () => {
  it('should charge retried requests twice without keys', async () => {
    const r = await runIdempotency(a, { strategy: 'none', requests: 60 });
    expect(r.retries).toBeGreaterThan(0);
    expect(r.duplicates).toBe(r.retries);
    expect(r.chargedCents).toBeGreaterThan(r.intendedCents);
    expect(r.mismatchErrors).toBe(0);
  });

  it('should replay the stored response with keys: zero duplicates, a mismatched reuse rejected, extra writes counted', async () => {
    const r = await runIdempotency(a, { strategy: 'key', requests: 60 });
    expect(r.duplicates).toBe(0);
    expect(r.replays).toBe(r.retries);
    expect(r.chargedCents).toBe(r.intendedCents);
    expect(r.mismatchErrors).toBe(1);
    expect(r.writesPerAttempt).toBeGreaterThan(1);
    expect(r.events.at(-1)?.detail).toMatch(/same parameters/);
  });
});

describe('lost-update lab', () => {
  it('should lose increments with a naive read-modify-write', async () => {
    const r = await runLostUpdate(a, { strategy: 'naive', requests: 80 });
    expect(r.lostUpdates).toBeGreaterThan(0);
    expect(r.final).toBe(80 - r.lostUpdates);
  });

  it('should lose nothing with an atomic UPDATE or with a version column (which retries)', async () => {
    const atomic = await runLostUpdate(a, { strategy: 'atomic', requests: 80 });
    const version = await runLostUpdate(a, { strategy: 'version', requests: 80 });
    expect(atomic).toMatchObject({ lostUpdates: 0, final: 80, statements: 80 });
    expect(version).toMatchObject({ lostUpdates: 0, final: 80 });
    expect(version.conflicts).toBeGreaterThan(0);
    expect(version.statements).toBe(160 + 2 * version.conflicts);
  });

  it('should lose nothing with one request in flight at a time', async () => {
    const r = await runLostUpdate(a, { strategy: 'naive', requests: 30, concurrency: 1 });
    expect(r.lostUpdates).toBe(0);
  });
});

describe('outbox lab', () => {
  it('should lose the events of crashed saves when publishing directly', async () => {
    const r = await runOutbox(a, { strategy: 'direct', requests: 60 });
    expect(r.crashes).toBeGreaterThan(0);
    expect(r.lostEvents).toBe(r.crashes);
  });

  it('should lose nothing with an outbox; redeliveries happen and the inbox discards them', async () => {
    const r = await runOutbox(a, { strategy: 'outbox', requests: 60, crashRate: 0.2 });
    expect(r.lostEvents).toBe(0);
    expect(r.duplicates).toBe(0);
    expect(r.redeliveries).toBeGreaterThan(0);
    expect(r.discarded).toBe(r.redeliveries);
  });

  it('should apply redelivered events twice when the consumer does not dedupe', async () => {
    const r = await runOutbox(a, {
      strategy: 'outbox',
      requests: 60,
      crashRate: 0.2,
      dedupe: false,
    });
    expect(r.lostEvents).toBe(0);
    expect(r.duplicates).toBe(r.redeliveries);
    expect(r.duplicates).toBeGreaterThan(0);
  });
});

describe('partitioning-and-shards lab', () => {
  it('should prune partitions by key and range, scatter-gather otherwise, and find a hot shard under skew', async () => {
    const uniform = await runShards([a, b], { shards: 2, queries: 40 }, () => pool.wasmHeapBytes());
    const skewed = await runShards([a, b], { shards: 2, queries: 40, strategy: 'skewed' });
    const [byKey, byOther, byRange] = uniform.pruning;
    expect(byKey?.scanned).toHaveLength(1);
    expect(byOther?.scanned).toHaveLength(byOther?.total ?? -1);
    expect(byRange?.scanned).toEqual(['msgs_by_month_2025_06']);
    expect(uniform.load.reduce((s, l) => s + l.rows, 0)).toBe(4000);
    expect(uniform.singleShardMs).toBeGreaterThan(0);
    expect(uniform.scatterGatherMs).toBeGreaterThan(0);
    expect(skewed.hotShardRowShare).toBeGreaterThan(uniform.hotShardRowShare);
    expect(uniform.memoryBytes).toBeGreaterThanOrEqual(2 * 128 * 1024 * 1024);
  });
});

describe('bad input and broken state', () => {
  it('should reject a negative lag, absurd sizes and a strategy of another lab with one clear sentence', async () => {
    await expect(runConsistencyLab([a, b], { lab: 'replica-lag', lagMs: -1 })).rejects.toThrow(
      /lagMs/,
    );
    await expect(
      runConsistencyLab([a], { lab: 'lost-update', requests: 1_000_000 }),
    ).rejects.toThrow(ConsistencyLabError);
    await expect(runConsistencyLab([a], { lab: 'outbox', strategy: 'key' })).rejects.toThrow(
      /outbox strategies are direct, outbox/,
    );
    await expect(runConsistencyLab([a], { lab: 'replica-lag' })).rejects.toThrow(
      /needs 2 database instances/,
    );
    expect(() => runReplicaLag(a, b, { windowMs: Number.NaN })).toThrow(/window-ms/);
  });

  it('should stop with a readable message when a table is dropped mid-lab, and run again afterwards', async () => {
    let statements = 0;
    // Another session drops the lab's table while the lab runs (on the 20th statement).
    const sabotaged = {
      exec: (sql: string) => a.exec(sql),
      query: async (sql: string, params?: unknown[]) => {
        statements += 1;
        if (statements === 20) await a.exec('DROP TABLE unread_counters');
        return a.query(sql, params);
      },
    } as unknown as PGliteInterface;
    await expect(runLostUpdate(sabotaged, { requests: 50 })).rejects.toThrow(
      /lost-update lab stopped: relation "unread_counters" does not exist.*press Reset/,
    );
    const again = await runLostUpdate(a, { strategy: 'atomic', requests: 10 });
    expect(again.lostUpdates).toBe(0);
  });
});

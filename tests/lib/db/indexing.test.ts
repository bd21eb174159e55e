import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryLabEngine } from '@/lib/db/engine';
import { INDEXING_SQL, LOOKUP_CHANNEL_ID } from '@/lib/db/labs/indexing';
import { OPEN_TIMEOUT_MS, openEngine } from './helpers';

let engine: QueryLabEngine;
beforeAll(async () => {
  engine = await openEngine('indexing');
}, OPEN_TIMEOUT_MS);
afterAll(async () => engine?.close());

describe('indexing lab', () => {
  it('should have at least 200,000 messages and a mid-sized lookup channel', async () => {
    const r = await engine.runSql(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE channel_id = ${LOOKUP_CHANNEL_ID})::int AS channel FROM messages`,
    );
    const row = r.ok ? (r.statements[0]?.rows[0] as { total: number; channel: number }) : undefined;
    expect(row?.total).toBeGreaterThanOrEqual(200_000);
    expect(row!.channel / row!.total).toBeGreaterThan(0.005);
    expect(row!.channel / row!.total).toBeLessThan(0.03);
  });

  it('should show a Seq Scan without the index and an Index Scan with it, then clean up', async () => {
    const r = await engine.runIndexLab({ parts: ['lookup'] });
    const lookup = r.lookup!;
    expect(lookup.rows).toBeGreaterThanOrEqual(200_000);
    expect(lookup.withoutIndex.nodeTypes).toContain('Seq Scan');
    expect(lookup.withIndex.nodeTypes).not.toContain('Seq Scan');
    expect(lookup.withIndex.nodeTypes).toContain('Index Scan');
    expect(lookup.withIndex.explain.plan.children[0]?.indexName).toBe(
      'messages_channel_created_idx',
    );
    expect(lookup.withIndex.explain.plan.actualRows).toBe(50);
    const left = await engine.runSql(
      "SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'messages' AND indexname <> 'messages_pkey'",
    );
    expect(left.ok && left.statements[0]?.rows[0]).toEqual({ n: 0 });
  });

  it('should show an index that does not help (low selectivity) next to one that does', async () => {
    const r = await engine.runIndexLab({ parts: ['lowSelectivity'] });
    const low = r.lowSelectivity!;
    expect(low.liveShare).toBeGreaterThan(0.95);
    expect(low.before.nodeTypes).toContain('Seq Scan');
    expect(low.after.nodeTypes).toContain('Seq Scan');
    expect(low.indexUsedForLive).toBe(false);
    expect(low.indexUsedForSelective).toBe(true);
  });

  it('should time the same insert with and without secondary indexes, leaving the data unchanged', async () => {
    const r = await engine.runIndexLab({ parts: ['writeCost'] });
    const w = r.writeCost!;
    expect(w).toMatchObject({ rows: 10_000, secondaryIndexes: 3 });
    expect(w.withoutMs).toBeGreaterThan(0);
    expect(w.withMs).toBeGreaterThan(0);
    expect(
      r.log.filter((e) => e.sql === INDEXING_SQL.insertProbe).every((e) => e.rows === 10_000),
    ).toBe(true);
    const n = await engine.runSql(
      "SELECT count(*)::int AS n FROM messages WHERE body LIKE 'write cost probe%'",
    );
    expect(n.ok && n.statements[0]?.rows[0]).toEqual({ n: 0 });
  });

  it('should make the insert slower with three secondary indexes (median of 3 lab runs)', async () => {
    // Each lab run already reports the median of 5 inserts per side. Measured on a loaded 2-core
    // machine, single-run slowdowns ranged 1.5–7× (median 3×); 1.3× leaves room for that noise
    // while still failing if the indexes stopped being maintained (≈ 1×) or the sides swapped.
    const slowdowns: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await engine.runIndexLab({ parts: ['writeCost'] });
      slowdowns.push(r.writeCost!.withMs / r.writeCost!.withoutMs);
    }
    const median = slowdowns.sort((a, b) => a - b)[1]!;
    expect(median).toBeGreaterThan(1.3);
  }, 120_000);
});

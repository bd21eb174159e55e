import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile, statementStats } from '@/lib/db/labs/measure-stats';
import { MEASURE_SQL } from '@/lib/db/labs/measure-sql';
import type { QueryLogEntry } from '@/lib/db/querylog';

describe('percentile (nearest rank)', () => {
  it('should pick the nearest-rank value', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 0.5)).toBe(50);
    expect(percentile(xs, 0.95)).toBe(95);
    expect(percentile(xs, 0.99)).toBe(99);
    expect(percentile([3, 1, 2], 0.99)).toBe(3);
    expect(percentile([], 0.95)).toBe(0);
  });

  it('should return a sample value between the minimum and the maximum', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, q) => {
          const p = percentile(xs, q);
          expect(xs).toContain(p);
          expect(p).toBeGreaterThanOrEqual(Math.min(...xs));
          expect(p).toBeLessThanOrEqual(Math.max(...xs));
        },
      ),
    );
  });
});

describe('statementStats (a pg_stat_statements-style view)', () => {
  const entry = (sql: string, dbMs: number, seq: number): QueryLogEntry => ({
    seq,
    sql,
    params: [],
    rows: 1,
    dbMs,
    rttMs: 0.5,
    startMs: 0,
  });

  it('should group by statement text, rank by database time and flag writes', () => {
    const rows = statementStats([
      entry(MEASURE_SQL.unreadCount, 0.2, 1),
      entry(MEASURE_SQL.unreadCount, 0.4, 2),
      entry(MEASURE_SQL.send, 1, 3),
      entry(MEASURE_SQL.search, 2, 4),
    ]);
    expect(rows.map((r) => r.name)).toEqual(['search', 'send', 'unreadCount']);
    const unread = rows.find((r) => r.name === 'unreadCount')!;
    expect(unread.calls).toBe(2);
    expect(unread.meanDbMs).toBeCloseTo(0.3, 12);
    expect(unread.share).toBeCloseTo(0.6 / 3.6, 12);
    expect(rows.find((r) => r.name === 'send')!.write).toBe(true);
    expect(unread.write).toBe(false);
  });
});

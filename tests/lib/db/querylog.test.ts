import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RTT_MS, jsonSafe, QueryLog } from '@/lib/db/querylog';

describe('QueryLog', () => {
  it('should default to the same-zone RTT of 0.5 ms', () => {
    expect(DEFAULT_RTT_MS).toBe(0.5);
    expect(new QueryLog().rttMs).toBe(0.5);
  });

  it('should account RTT per query, separately from database time, on a sequential timeline', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 0.5, 2),
        fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { maxLength: 40 }),
        (rtt, dbTimes) => {
          const log = new QueryLog(rtt);
          dbTimes.forEach((dbMs, i) =>
            log.record({ sql: 'SELECT $1', params: [i], rows: 1, dbMs }),
          );
          const s = log.summary();
          expect(s.queries).toBe(dbTimes.length);
          expect(s.rttMs).toBeCloseTo(rtt * dbTimes.length, 9);
          expect(s.dbMs).toBeCloseTo(
            dbTimes.reduce((a, b) => a + b, 0),
            9,
          );
          expect(s.totalMs).toBeCloseTo(s.dbMs + s.rttMs, 9);
          log.entries.forEach((e, i) => {
            expect(e.seq).toBe(i + 1);
            if (i > 0) {
              const prev = log.entries[i - 1]!;
              expect(e.startMs).toBeCloseTo(prev.startMs + prev.rttMs + prev.dbMs, 9);
            }
          });
        },
      ),
    );
  });

  it('should summarise from a mark', () => {
    const log = new QueryLog(1);
    log.record({ sql: 'a', params: [], rows: 1, dbMs: 1 });
    const mark = log.mark();
    log.record({ sql: 'b', params: [], rows: 3, dbMs: 2 });
    expect(log.summary(mark)).toEqual({
      queries: 1,
      rows: 3,
      dbMs: 2,
      rttMs: 1,
      totalMs: 3,
      elapsedMs: 3,
      peakConnections: 1,
    });
    expect(log.since(mark).map((e) => e.sql)).toEqual(['b']);
  });

  it('should make parameters structured-clone and JSON safe', () => {
    expect(jsonSafe([new Date('2025-01-01T00:00:00Z'), 12n, { a: [1n] }])).toEqual([
      '2025-01-01T00:00:00.000Z',
      '12',
      { a: ['1'] },
    ]);
  });

  it('should overlap queries issued together up to the pool size, and queue the rest', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (n, pool, dbMs) => {
          const log = new QueryLog(1, pool);
          const at = log.issueTime();
          for (let i = 0; i < n; i++) log.record({ sql: 'q', params: [i], rows: 1, dbMs }, at);
          const s = log.summary();
          expect(s.peakConnections).toBe(Math.min(n, pool));
          // Equal queries on `pool` connections: ceil(n / pool) waves.
          expect(s.elapsedMs).toBeCloseTo(Math.ceil(n / pool) * (1 + dbMs), 9);
          expect(s.totalMs).toBeCloseTo(n * (1 + dbMs), 9);
          expect(s.elapsedMs).toBeLessThanOrEqual(s.totalMs + 1e-9);
        },
      ),
    );
  });

  it('should issue a query after the ones that already answered', () => {
    const log = new QueryLog(0.5, 10);
    log.record({ sql: 'a', params: [], rows: 1, dbMs: 1 });
    expect(log.issueTime()).toBeCloseTo(1.5, 9);
    const e = log.record({ sql: 'b', params: [], rows: 1, dbMs: 1 });
    expect(e.startMs).toBeCloseTo(1.5, 9);
    expect(log.summary().peakConnections).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  groupSegments,
  segmentsPath,
  sequentialSegments,
  totalMs,
  totalsOf,
  type TimedQuery,
} from '@/components/querylab/waterfall';

const queryArb = fc.record({
  dbMs: fc.double({ min: 0, max: 50, noNaN: true }),
  rttMs: fc.constantFrom(0, 0.5, 2),
});

describe('sequentialSegments', () => {
  it('should place queries back to back, each starting where the previous ended', () => {
    const segs = sequentialSegments([
      { dbMs: 1, rttMs: 0.5 },
      { dbMs: 2, rttMs: 0.5 },
    ]);
    expect(segs.map((s) => s.startMs)).toEqual([0, 1.5]);
    expect(totalMs(segs)).toBe(4);
  });

  it('should make the timeline exactly as long as the sum of RTT and DB time', () => {
    fc.assert(
      fc.property(fc.array(queryArb, { maxLength: 200 }), (queries: TimedQuery[]) => {
        const t = totalsOf(queries);
        expect(totalMs(sequentialSegments(queries))).toBeCloseTo(t.totalMs, 6);
        expect(t.queries).toBe(queries.length);
      }),
    );
  });
});

describe('groupSegments', () => {
  it('should preserve the query count, RTT and DB totals and order', () => {
    fc.assert(
      fc.property(
        fc.array(queryArb, { maxLength: 300 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (queries, minMs) => {
          const segs = sequentialSegments(queries);
          const grouped = groupSegments(segs, minMs);
          expect(grouped.reduce((n, s) => n + s.queries, 0)).toBe(queries.length);
          expect(grouped.reduce((n, s) => n + s.rttMs, 0)).toBeCloseTo(
            segs.reduce((n, s) => n + s.rttMs, 0),
            6,
          );
          expect(totalMs(grouped)).toBeCloseTo(totalMs(segs), 6);
          for (let i = 1; i < grouped.length; i++) {
            expect(grouped[i].startMs).toBeGreaterThanOrEqual(grouped[i - 1].startMs);
          }
          // Every group but the last reaches the minimum width.
          grouped
            .slice(0, -1)
            .forEach((g) => expect(g.rttMs + g.dbMs).toBeGreaterThanOrEqual(minMs));
        },
      ),
    );
  });

  it('should turn 10,000 sub-pixel queries into a few hundred shapes', () => {
    const queries = Array.from({ length: 10_000 }, () => ({ dbMs: 0.05, rttMs: 0.5 }));
    const grouped = groupSegments(sequentialSegments(queries), 5500 / 600);
    expect(grouped.length).toBeLessThanOrEqual(601);
    expect(grouped.length).toBeGreaterThan(500);
  });
});

describe('segmentsPath', () => {
  it('should draw one rectangle per non-empty part', () => {
    const segs = sequentialSegments([
      { dbMs: 1, rttMs: 1 },
      { dbMs: 2, rttMs: 0 },
    ]);
    const x = (ms: number) => ms * 10;
    expect(segmentsPath(segs, 'rtt', x, 5, 8)).toBe('M0,5h10v8h-10Z');
    expect(segmentsPath(segs, 'db', x, 5, 8)).toBe('M10,5h10v8h-10ZM20,5h20v8h-20Z');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LogHistogram } from '@/simulations/engine/histogram';

/** Nearest-rank quantile of a sample: the value of rank ceil(q·n). */
function exactQuantile(sorted: number[], q: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

const valueArb = fc.oneof(
  fc.constant(0),
  fc.double({ min: 1e-9, max: 1e9, noNaN: true }),
  fc.double({ min: 0.001, max: 10, noNaN: true }),
);

describe('LogHistogram', () => {
  it('should state an error bound of at most 1%', () => {
    expect(new LogHistogram().relativeError).toBeLessThanOrEqual(0.01);
  });

  it('should return quantiles within the stated relative error of the exact ones', () => {
    fc.assert(
      fc.property(
        fc.array(valueArb, { minLength: 1, maxLength: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, q) => {
          const h = new LogHistogram();
          values.forEach((v) => h.record(v));
          const exact = exactQuantile(
            [...values].sort((a, b) => a - b),
            q,
          );
          const estimate = h.quantile(q);
          expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(h.relativeError * exact + 1e-300);
        },
      ),
    );
  });

  it('should give quantiles that never decrease with q', () => {
    fc.assert(
      fc.property(
        fc.array(valueArb, { minLength: 1, maxLength: 300 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 20 }),
        (values, qs) => {
          const h = new LogHistogram();
          values.forEach((v) => h.record(v));
          const sorted = [...qs].sort((a, b) => a - b);
          const results = sorted.map((q) => h.quantile(q));
          for (let i = 1; i < results.length; i++)
            expect(results[i]).toBeGreaterThanOrEqual(results[i - 1]);
        },
      ),
    );
  });

  it('should track count, mean, min and max exactly', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { minLength: 1, maxLength: 200 }), (values) => {
        const h = new LogHistogram();
        values.forEach((v) => h.record(v));
        expect(h.count).toBe(values.length);
        expect(h.min).toBe(Math.min(...values));
        expect(h.max).toBe(Math.max(...values));
        expect(h.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
        expect(h.quantile(0)).toBe(h.min);
        expect(h.quantile(1)).toBe(h.max);
      }),
    );
  });

  it('should merge into the histogram of the union', () => {
    fc.assert(
      fc.property(
        fc.array(valueArb, { maxLength: 100 }),
        fc.array(valueArb, { minLength: 1, maxLength: 100 }),
        (a, b) => {
          const ha = new LogHistogram();
          const hb = new LogHistogram();
          const all = new LogHistogram();
          a.forEach((v) => (ha.record(v), all.record(v)));
          b.forEach((v) => (hb.record(v), all.record(v)));
          ha.merge(hb);
          for (const q of [0, 0.1, 0.5, 0.9, 0.99, 1]) expect(ha.quantile(q)).toBe(all.quantile(q));
          expect(ha.count).toBe(all.count);
        },
      ),
    );
  });

  it('should reject negative and NaN values', () => {
    const h = new LogHistogram();
    expect(() => h.record(-1)).toThrow(RangeError);
    expect(() => h.record(Number.NaN)).toThrow(RangeError);
    expect(h.count).toBe(0);
    expect(h.quantile(0.5)).toBeNaN();
  });
});

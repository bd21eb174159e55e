import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rngStream } from '@/simulations/engine/rng';
import {
  BatchMeans,
  seriesBatchInterval,
  tInterval,
  TimeWeighted,
} from '@/simulations/engine/stats';

describe('BatchMeans', () => {
  it('should keep between maxBatches/2 and maxBatches batches and the exact grand mean', () => {
    fc.assert(
      fc.property(fc.integer({ min: 64, max: 5000 }), (n) => {
        const b = new BatchMeans(64);
        let sum = 0;
        for (let i = 0; i < n; i++) {
          const x = Math.sin(i) + 2;
          b.add(x);
          sum += x;
        }
        expect(b.completeBatches).toBeGreaterThanOrEqual(32);
        expect(b.completeBatches).toBeLessThan(64);
        expect(b.count).toBe(n);
        expect(b.mean).toBeCloseTo(sum / n, 10);
      }),
      { numRuns: 50 },
    );
  });

  it('should cover the true mean of i.i.d. data about 95% of the time', () => {
    // 200 independent experiments; coverage of a 95% interval should be within 88–100%.
    let covered = 0;
    for (let k = 0; k < 200; k++) {
      const rng = rngStream(k, 'bm');
      const b = new BatchMeans();
      for (let i = 0; i < 2000; i++) b.add(-Math.log(1 - rng.next()));
      const ci = b.interval();
      if (Math.abs(ci.mean - 1) <= ci.halfWidth) covered++;
    }
    expect(covered / 200).toBeGreaterThan(0.88);
  });
});

describe('tInterval and seriesBatchInterval', () => {
  it('should use the t quantile for small samples', () => {
    const ci = tInterval([1, 2, 3]);
    // mean 2, sd 1, t(0.975, 2) = 4.303 → half-width 4.303/√3.
    expect(ci.mean).toBe(2);
    expect(ci.halfWidth).toBeCloseTo(4.303 / Math.sqrt(3), 2);
    expect(tInterval([5]).halfWidth).toBe(Infinity);
  });

  it('should group a series into equal batches', () => {
    const values = Array.from({ length: 100 }, (_, i) => i % 2);
    const ci = seriesBatchInterval(values, 10);
    expect(ci.samples).toBe(10);
    expect(ci.mean).toBe(0.5);
    expect(ci.halfWidth).toBe(0);
  });
});

describe('TimeWeighted', () => {
  it('should integrate a piecewise-constant signal exactly', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 10, noNaN: true }), fc.integer({ min: 0, max: 50 })),
          { maxLength: 50 },
        ),
        (steps) => {
          const g = new TimeWeighted(0, 0);
          let t = 0;
          let area = 0;
          let value = 0;
          for (const [dt, v] of steps) {
            area += value * dt;
            t += dt;
            g.set(t, v);
            value = v;
          }
          expect(g.integral(t + 1)).toBeCloseTo(area + value, 6);
        },
      ),
    );
  });

  it('should restart the averaging window on reset', () => {
    const g = new TimeWeighted(0, 4);
    g.set(10, 2);
    g.reset(10);
    expect(g.mean(20)).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, studentTQuantile } from '@/simulations/engine/special';

describe('special functions', () => {
  it('should match tabulated Student t 0.975 quantiles', () => {
    // Student t table (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2), two-sided 95%.
    const table: [number, number][] = [
      [1, 12.706],
      [2, 4.303],
      [5, 2.571],
      [10, 2.228],
      [30, 2.042],
      [60, 2.0],
      [120, 1.98],
    ];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 2);
  });

  it('should invert the normal CDF', () => {
    for (const p of [0.001, 0.01, 0.2, 0.5, 0.8, 0.975, 0.999]) {
      expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    }
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
  });
});

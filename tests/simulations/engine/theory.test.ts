import { describe, expect, it } from 'vitest';
import {
  closedLoopMva,
  erlangC,
  md1,
  mg1,
  mm1,
  mm1kDropProbability,
  mmc,
  queueTheory,
} from '@/simulations/engine/theory';

describe('closed-form theory', () => {
  it('should reproduce the M/M/1 and M/D/1 rows of reference-numbers.md', () => {
    // | ρ | Wq·μ | W·μ | p99 W·μ | M/D/1 Wq·μ |: 0.5 → 1, 2, 9.21, 0.5; 0.9 → 9, 10, 46.05, 4.5.
    const rows: [number, number, number, number, number][] = [
      [0.5, 1, 2, 9.21, 0.5],
      [0.9, 9, 10, 46.05, 4.5],
    ];
    for (const [rho, wq, w, p99, md1wq] of rows) {
      const m = mm1(rho, 1);
      expect(m.meanWait).toBeCloseTo(wq, 10);
      expect(m.meanSojourn).toBeCloseTo(w, 10);
      expect(m.sojournQuantile?.(0.99)).toBeCloseTo(p99, 2);
      expect(md1(rho, 1).meanWait).toBeCloseTo(md1wq, 10);
    }
  });

  it('should reproduce the Erlang C table of reference-numbers.md', () => {
    // | c | ρ=0.7 P(wait) | Wq·μ | ρ=0.9 P(wait) | Wq·μ |
    const rows: [number, number, number, number, number][] = [
      [2, 0.5765, 0.9608, 0.8526, 4.2632],
      [8, 0.2706, 0.1128, 0.7015, 0.8769],
    ];
    for (const [c, p7, w7, p9, w9] of rows) {
      expect(erlangC(c, 0.7 * c)).toBeCloseTo(p7, 4);
      expect(mmc(0.7 * c, 1, c).meanWait).toBeCloseTo(w7, 4);
      expect(erlangC(c, 0.9 * c)).toBeCloseTo(p9, 4);
      expect(mmc(0.9 * c, 1, c).meanWait).toBeCloseTo(w9, 4);
    }
  });

  it('should reduce M/M/c to M/M/1 for one server, including the sojourn quantile', () => {
    const a = mmc(0.7, 1, 1);
    const b = mm1(0.7, 1);
    expect(a.meanWait).toBeCloseTo(b.meanWait, 12);
    expect(a.sojournQuantile?.(0.99)).toBeCloseTo(b.sojournQuantile?.(0.99) ?? NaN, 8);
  });

  it('should satisfy Little’s law and P-K consistency', () => {
    const m = mmc(3.2, 1, 4);
    expect(m.meanInSystem).toBeCloseTo(3.2 * m.meanSojourn, 12);
    // M/G/1 with exponential service equals M/M/1.
    expect(mg1(0.6, 1, 2).meanWait).toBeCloseTo(mm1(0.6, 1).meanWait, 12);
  });

  it('should refuse unstable loads', () => {
    expect(() => mm1(1, 1)).toThrow(RangeError);
    expect(() => queueTheory(2.5, 1, 2, 'det')).toThrow(RangeError);
  });

  it('should give sane finite-capacity and closed-loop values', () => {
    expect(mm1kDropProbability(1, 1, 4)).toBeCloseTo(0.2, 12);
    // One user never queues: R = S, X = 1/(Z + S).
    const one = closedLoopMva(1, 4, 1);
    expect(one.responseTimeS).toBe(1);
    expect(one.throughputPerS).toBeCloseTo(0.2, 12);
    // Many users saturate the server: X → 1/S.
    expect(closedLoopMva(200, 4, 1).throughputPerS).toBeCloseTo(1, 6);
  });
});

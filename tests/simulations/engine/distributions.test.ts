import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BoundedPareto,
  Deterministic,
  Empirical,
  Exponential,
  LogNormal,
  Pareto,
  Uniform,
  type Distribution,
} from '@/simulations/engine/distributions';
import { DistributionSpecSchema, makeDistribution } from '@/simulations/engine/distributionSpec';
import { erfc } from '@/simulations/engine/special';
import { TruncatedNormal, truncatedStandardMoments } from '@/simulations/engine/truncatedNormal';
import { rngStream } from '@/simulations/engine/rng';

function sampleMoments(d: Distribution, n: number, seed = 1) {
  const rng = rngStream(seed, d.kind);
  let sum = 0;
  let sumSq = 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const x = d.sample(rng);
    if (!(x >= 0 && x < Infinity)) bad++;
    sum += x;
    sumSq += x * x;
  }
  return { mean: sum / n, secondMoment: sumSq / n, bad };
}

/** Distributions with finite variance: the sample mean must be within 5 standard errors. */
const cases: Distribution[] = [
  new Exponential(2),
  new Deterministic(0.25),
  new Uniform(0.1, 0.3),
  new TruncatedNormal(0.1, 0.05),
  new TruncatedNormal(0.05, 0.1),
  new TruncatedNormal(-0.3, 0.1),
  TruncatedNormal.withMean(0.1, 0.1),
  TruncatedNormal.withMean(0.01, 1),
  new LogNormal(-2, 0.5),
  new Pareto(0.01, 3.5),
  new BoundedPareto(0.001, 10, 1.1),
  new Empirical([0.01, 0.02, 0.5], [5, 3, 2]),
  new Empirical([0.4, 0.1, 0.2, 0.9], undefined, 'interpolate'),
];

describe('distributions', () => {
  it.each(cases.map((d) => [d.kind, d] as const))(
    'should match the analytical mean and second moment (%s)',
    (_kind, d) => {
      const n = 100_000;
      const m = sampleMoments(d, n);
      expect(m.bad).toBe(0);
      const sd = Math.sqrt(Math.max(0, d.secondMoment - d.mean * d.mean));
      expect(Math.abs(m.mean - d.mean)).toBeLessThanOrEqual(5 * (sd / Math.sqrt(n)) + 1e-12);
      expect(m.secondMoment).toBeCloseTo(d.secondMoment, 2);
    },
  );

  it('should give a normal spec the mean it names (the cut at 0 shifts mu, not the mean)', () => {
    // Naively N(0.1, 0.1) cut at 0 has mean 0.1 + 0.1·φ(1)/Φ(1) = 0.1288 s (+29%).
    expect(new TruncatedNormal(0.1, 0.1).mean).toBeCloseTo(0.12876, 5);
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-4, max: 1e3, noNaN: true }),
        (meanS, sdS) => {
          const d = makeDistribution({ type: 'normal', meanS, sdS });
          expect(Math.abs(d.mean / meanS - 1)).toBeLessThan(1e-6);
          expect(d.secondMoment).toBeGreaterThanOrEqual(d.mean * d.mean * (1 - 1e-9));
        },
      ),
    );
    // Far from the cut the spread is sdS too.
    const wide = makeDistribution({ type: 'normal', meanS: 1, sdS: 0.2 });
    expect(Math.sqrt(wide.secondMoment - wide.mean ** 2)).toBeCloseTo(0.2, 5);
  });

  it('should agree with the direct formulas where the tail continued fraction takes over', () => {
    // x = −3 is the switch point: both forms must match there to within their accuracy.
    const x = -3.0000001;
    const t = 3.0000001;
    const direct =
      -t + Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI) / (0.5 * erfc(t / Math.SQRT2));
    expect(truncatedStandardMoments(x).m / direct).toBeCloseTo(1, 6);
    expect(truncatedStandardMoments(-3).m / truncatedStandardMoments(x).m).toBeCloseTo(1, 6);
  });

  it('should put the Pareto tail where P(X > x) = (scale/x)^shape says', () => {
    const d = new Pareto(1, 1.5);
    const rng = rngStream(2, 'pareto-tail');
    const n = 100_000;
    let above = 0;
    for (let i = 0; i < n; i++) if (d.sample(rng) > 10) above++;
    const p = 10 ** -1.5;
    expect(Math.abs(above / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    expect(d.mean).toBe(3);
    expect(new Pareto(1, 0.9).mean).toBe(Infinity);
  });

  it('should draw only table values in discrete empirical mode', () => {
    const d = new Empirical([3, 1, 2], [0, 1, 1]);
    const rng = rngStream(1, 'emp');
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(d.sample(rng));
    expect([...seen].sort()).toEqual([1, 2]);
  });

  it('should never produce NaN or negative samples for any valid spec', () => {
    const spec = fc.oneof(
      fc.record({
        type: fc.constant('exponential' as const),
        meanS: fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
      }),
      fc.record({
        type: fc.constant('deterministic' as const),
        valueS: fc.double({ min: 0, max: 1e6, noNaN: true }),
      }),
      fc.record({
        type: fc.constant('normal' as const),
        meanS: fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
        sdS: fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
      }),
      fc.record({
        type: fc.constant('lognormal' as const),
        mu: fc.double({ min: -10, max: 5, noNaN: true }),
        sigma: fc.double({ min: 1e-3, max: 3, noNaN: true }),
      }),
      fc.record({
        type: fc.constant('pareto' as const),
        scaleS: fc.double({ min: 1e-6, max: 10, noNaN: true }),
        shape: fc.double({ min: 0.5, max: 10, noNaN: true }),
      }),
      fc.record({
        type: fc.constant('empirical' as const),
        valuesS: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), {
          minLength: 1,
          maxLength: 8,
        }),
      }),
    );
    fc.assert(
      fc.property(spec, fc.nat(), (s, seed) => {
        const d = makeDistribution(DistributionSpecSchema.parse(s));
        const rng = rngStream(seed, 'any');
        for (let i = 0; i < 200; i++) {
          const x = d.sample(rng);
          expect(x >= 0 && x < Infinity).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('should reject invalid specs with zod', () => {
    expect(DistributionSpecSchema.safeParse({ type: 'exponential', meanS: -1 }).success).toBe(
      false,
    );
    expect(DistributionSpecSchema.safeParse({ type: 'uniform', minS: 2, maxS: 1 }).success).toBe(
      false,
    );
    expect(
      DistributionSpecSchema.safeParse({ type: 'empirical', valuesS: [1, 2], weights: [1] })
        .success,
    ).toBe(false);
    expect(DistributionSpecSchema.safeParse({ type: 'gamma', shape: 2 }).success).toBe(false);
  });
});

import type { Distribution } from './distributions';
import type { Rng } from './rng';
import { normalCdf, normalPdf } from './special';

/**
 * Standardised moments of Y ~ N(x, 1) conditioned on Y >= 0, for any real x:
 * m = E[Y] = x + φ(x)/Φ(x) and s = E[Y²] = 1 + x·m (Johnson, Kotz & Balakrishnan, vol. 1,
 * §10.1). For x < −3 both formulas cancel catastrophically, so with t = −x they are taken from
 * the continued fraction of the normal Mills ratio (Abramowitz & Stegun 26.2.14):
 * m = 1/(t + g), s = g·m, g = 2/(t + 3/(t + 4/(t + …))), which converges fast for t >= 3.
 */
export function truncatedStandardMoments(x: number): { m: number; s: number } {
  if (x >= -3) {
    const m = x + normalPdf(x) / normalCdf(x);
    return { m, s: 1 + x * m };
  }
  const t = -x;
  let g = 0;
  for (let k = 120; k >= 2; k--) g = k / (t + g);
  const m = 1 / (t + g);
  return { m, s: g * m };
}

/**
 * A normal law cut at 0, N(mu, sigma²) conditioned on X >= 0: service and network times that are
 * "about meanS, give or take sdS" but never negative. Build it with `withMean(meanS, sdS)` so its
 * mean is meanS exactly: mu is solved for (the naive mu = meanS shifts the mean up, +29% at
 * meanS = sdS); sdS stays the spread of the normal before the cut, which is also the law's
 * standard deviation whenever meanS >= 3·sdS (the cut then removes < 0.14% of the mass).
 *
 * Sampling: mu >= 0 by rejection from the full normal (acceptance >= 1/2); mu < 0 by Robert's
 * exponential proposal for a normal tail (C. P. Robert, "Simulation of truncated normal
 * variables", Statistics and Computing 5, 1995), whose acceptance stays >= 0.76 however far the
 * cut lies in the tail.
 */
export class TruncatedNormal implements Distribution {
  readonly kind = 'normal';
  readonly mean: number;
  readonly secondMoment: number;
  /** Robert's tail sampler: cut point a = −mu/sigma and (λ* − a), for mu < 0. */
  private readonly tailA: number;
  private readonly tailShift: number;
  private readonly tailRate: number;

  /** mu and sigma are those of the normal *before* truncation; see withMean(). */
  constructor(
    readonly mu: number,
    readonly sigma: number,
  ) {
    if (!Number.isFinite(mu)) throw new RangeError(`normal mu must be finite, got ${mu}`);
    if (!(sigma > 0 && sigma < Infinity))
      throw new RangeError(`normal sd must be finite and > 0, got ${sigma}`);
    const { m, s } = truncatedStandardMoments(mu / sigma);
    this.mean = sigma * m;
    this.secondMoment = sigma * sigma * s;
    const a = mu < 0 ? -mu / sigma : 0;
    this.tailA = a;
    // λ* = (a + √(a² + 4))/2; λ* − a written without cancellation.
    this.tailShift = 2 / (Math.sqrt(a * a + 4) + a);
    this.tailRate = a + this.tailShift;
  }

  /** The law cut at 0 whose mean is `meanS` and whose pre-cut standard deviation is `sdS`. */
  static withMean(meanS: number, sdS: number): TruncatedNormal {
    if (!(meanS > 0 && meanS < Infinity))
      throw new RangeError(`normal mean must be finite and > 0, got ${meanS}`);
    if (!(sdS > 0 && sdS < Infinity))
      throw new RangeError(`normal sd must be finite and > 0, got ${sdS}`);
    // Solve m(x) = meanS/sdS for x = mu/sdS; m is increasing, m(x) > x, and m(x) < 1/|x| for
    // x < 0, so the root lies in [−sdS/meanS − 1, meanS/sdS].
    const r = meanS / sdS;
    let lo = -1 / r - 1;
    let hi = r;
    for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo), Math.abs(hi)); i++) {
      const mid = (lo + hi) / 2;
      if (truncatedStandardMoments(mid).m < r) lo = mid;
      else hi = mid;
    }
    return new TruncatedNormal(((lo + hi) / 2) * sdS, sdS);
  }

  sample(rng: Rng): number {
    if (this.mu >= 0) {
      for (;;) {
        const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
        const x = this.mu + this.sigma * r * Math.cos(2 * Math.PI * rng.next());
        if (x >= 0) return x;
      }
    }
    // X = mu + sigma·Z with Z >= a; draw W = Z − a directly (mu + sigma·Z would cancel).
    for (;;) {
      const w = -Math.log(1 - rng.next()) / this.tailRate;
      const d = w - this.tailShift;
      if (rng.next() <= Math.exp(-0.5 * d * d)) return this.sigma * w;
    }
  }
}

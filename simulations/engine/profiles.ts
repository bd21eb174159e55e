/**
 * Time-varying arrival rates λ(t) (per second) for non-homogeneous Poisson arrivals. Each profile
 * also gives a piecewise-constant upper bound, so thinning (arrivals.ts) rejects few candidates:
 * a step or a spike is thinned with acceptance 1 outside transitions, not at base/peak.
 */
export interface RateProfile {
  /** λ(t) >= 0. */
  rateAt(t: number): number;
  /** An upper bound of λ on [t, boundUntil(t)). */
  boundAt(t: number): number;
  /** End of the segment on which boundAt(t) is valid (> t; may be Infinity). */
  boundUntil(t: number): number;
  /** ∫ λ over [t0, t1]: the expected number of arrivals (used by tests and validation). */
  integral(t0: number, t1: number): number;
}

function nonNegative(name: string, v: number): void {
  if (!(v >= 0 && v < Infinity)) throw new RangeError(`${name} must be finite and >= 0, got ${v}`);
}

/**
 * Piecewise-constant rate: ratesPerS[i] holds on [boundariesS[i-1], boundariesS[i]), with
 * boundaries strictly increasing and ratesPerS one longer than boundariesS. A step is the case of
 * one boundary; a spike (flash crowd) of two.
 */
export class PiecewiseRate implements RateProfile {
  constructor(
    private readonly boundariesS: readonly number[],
    private readonly ratesPerS: readonly number[],
  ) {
    if (ratesPerS.length !== boundariesS.length + 1)
      throw new RangeError('need one more rate than boundaries');
    ratesPerS.forEach((r, i) => nonNegative(`rate[${i}]`, r));
    for (let i = 0; i < boundariesS.length; i++) {
      nonNegative(`boundary[${i}]`, boundariesS[i]);
      if (i > 0 && !(boundariesS[i] > boundariesS[i - 1]))
        throw new RangeError('boundaries must increase');
    }
  }
  private segment(t: number): number {
    let i = 0;
    while (i < this.boundariesS.length && t >= this.boundariesS[i]) i++;
    return i;
  }
  rateAt(t: number): number {
    return this.ratesPerS[this.segment(t)];
  }
  boundAt(t: number): number {
    return this.rateAt(t);
  }
  boundUntil(t: number): number {
    const i = this.segment(t);
    return i < this.boundariesS.length ? this.boundariesS[i] : Infinity;
  }
  integral(t0: number, t1: number): number {
    let total = 0;
    let t = t0;
    while (t < t1) {
      const end = Math.min(t1, this.boundUntil(t));
      total += this.rateAt(t) * (end - t);
      t = end;
    }
    return total;
  }
}

export function constantRate(ratePerS: number): PiecewiseRate {
  return new PiecewiseRate([], [ratePerS]);
}

export function stepRate(beforePerS: number, afterPerS: number, atS: number): PiecewiseRate {
  return new PiecewiseRate([atS], [beforePerS, afterPerS]);
}

/** A flash crowd: base rate, then peak rate for durationS from startS, then base again. */
export function spikeRate(
  basePerS: number,
  peakPerS: number,
  startS: number,
  durationS: number,
): PiecewiseRate {
  if (!(durationS > 0)) throw new RangeError(`spike duration must be > 0, got ${durationS}`);
  return new PiecewiseRate([startS, startS + durationS], [basePerS, peakPerS, basePerS]);
}

/** Linear ramp from fromPerS at startS to toPerS at endS; constant outside. */
export class RampRate implements RateProfile {
  constructor(
    private readonly fromPerS: number,
    private readonly toPerS: number,
    private readonly startS: number,
    private readonly endS: number,
  ) {
    nonNegative('ramp from', fromPerS);
    nonNegative('ramp to', toPerS);
    nonNegative('ramp start', startS);
    if (!(endS > startS && endS < Infinity)) throw new RangeError('ramp end must be after start');
  }
  rateAt(t: number): number {
    if (t <= this.startS) return this.fromPerS;
    if (t >= this.endS) return this.toPerS;
    return (
      this.fromPerS +
      ((this.toPerS - this.fromPerS) * (t - this.startS)) / (this.endS - this.startS)
    );
  }
  boundAt(t: number): number {
    if (t < this.startS) return this.fromPerS;
    if (t >= this.endS) return this.toPerS;
    return Math.max(this.fromPerS, this.toPerS);
  }
  boundUntil(t: number): number {
    if (t < this.startS) return this.startS;
    if (t < this.endS) return this.endS;
    return Infinity;
  }
  integral(t0: number, t1: number): number {
    // Trapezoids over the (at most three) linear pieces between t0 and t1.
    const cuts = [
      t0,
      Math.min(Math.max(this.startS, t0), t1),
      Math.min(Math.max(this.endS, t0), t1),
      t1,
    ];
    let total = 0;
    for (let i = 0; i < 3; i++)
      total += ((this.rateAt(cuts[i]) + this.rateAt(cuts[i + 1])) / 2) * (cuts[i + 1] - cuts[i]);
    return total;
  }
}

/**
 * Diurnal curve: λ(t) = mean·(1 + amplitude·cos(2π(t − peakAtS)/periodS)), amplitude in [0, 1]
 * (a day by default: periodS = 86,400). Bounded by mean·(1 + amplitude).
 */
export class DiurnalRate implements RateProfile {
  constructor(
    private readonly meanPerS: number,
    private readonly amplitude: number,
    private readonly periodS = 86_400,
    private readonly peakAtS = 0,
  ) {
    nonNegative('diurnal mean', meanPerS);
    if (!(amplitude >= 0 && amplitude <= 1))
      throw new RangeError(`amplitude must be in [0, 1], got ${amplitude}`);
    if (!(periodS > 0 && periodS < Infinity))
      throw new RangeError(`period must be > 0, got ${periodS}`);
    if (!Number.isFinite(peakAtS)) throw new RangeError('peakAtS must be finite');
  }
  rateAt(t: number): number {
    return (
      this.meanPerS *
      (1 + this.amplitude * Math.cos((2 * Math.PI * (t - this.peakAtS)) / this.periodS))
    );
  }
  boundAt(_t: number): number {
    return this.meanPerS * (1 + this.amplitude);
  }
  boundUntil(_t: number): number {
    return Infinity;
  }
  integral(t0: number, t1: number): number {
    const w = (2 * Math.PI) / this.periodS;
    const sin = (t: number) => Math.sin(w * (t - this.peakAtS));
    return this.meanPerS * (t1 - t0 + (this.amplitude * (sin(t1) - sin(t0))) / w);
  }
}

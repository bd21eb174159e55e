import type { Rng } from './rng';

/**
 * A random variable the engine can draw from (service times, think times, delays; seconds).
 * `sample` takes the component's own stream, so a distribution object is stateless and can be
 * shared. `mean` and `secondMoment` are analytical (used by theory.ts, e.g. Pollaczek–Khinchine
 * needs E[S²]); they are Infinity when the moment does not exist.
 */
export interface Distribution {
  readonly kind: string;
  readonly mean: number;
  readonly secondMoment: number;
  sample(rng: Rng): number;
}

function positive(name: string, value: number): void {
  if (!(value > 0 && value < Infinity))
    throw new RangeError(`${name} must be finite and > 0, got ${value}`);
}

export class Exponential implements Distribution {
  readonly kind = 'exponential';
  readonly mean: number;
  readonly secondMoment: number;
  constructor(readonly rate: number) {
    positive('exponential rate', rate);
    this.mean = 1 / rate;
    this.secondMoment = 2 / (rate * rate);
  }
  sample(rng: Rng): number {
    // Inversion; 1 − u ∈ (0, 1] so the log is finite.
    return -Math.log(1 - rng.next()) * this.mean;
  }
}

export class Deterministic implements Distribution {
  readonly kind = 'deterministic';
  readonly mean: number;
  readonly secondMoment: number;
  constructor(readonly value: number) {
    if (!(value >= 0 && value < Infinity))
      throw new RangeError(`deterministic value must be >= 0, got ${value}`);
    this.mean = value;
    this.secondMoment = value * value;
  }
  sample(_rng: Rng): number {
    return this.value;
  }
}

export class Uniform implements Distribution {
  readonly kind = 'uniform';
  readonly mean: number;
  readonly secondMoment: number;
  constructor(
    readonly min: number,
    readonly max: number,
  ) {
    if (!(min >= 0 && max > min && max < Infinity))
      throw new RangeError(`uniform needs 0 <= min < max, got [${min}, ${max}]`);
    this.mean = (min + max) / 2;
    this.secondMoment = (min * min + min * max + max * max) / 3;
  }
  sample(rng: Rng): number {
    return this.min + (this.max - this.min) * rng.next();
  }
}

/** exp(N(mu, sigma)): mu and sigma are those of the underlying normal (natural log). */
export class LogNormal implements Distribution {
  readonly kind = 'lognormal';
  readonly mean: number;
  readonly secondMoment: number;
  constructor(
    readonly mu: number,
    readonly sigma: number,
  ) {
    if (!Number.isFinite(mu)) throw new RangeError(`lognormal mu must be finite, got ${mu}`);
    positive('lognormal sigma', sigma);
    this.mean = Math.exp(mu + (sigma * sigma) / 2);
    this.secondMoment = Math.exp(2 * mu + 2 * sigma * sigma);
  }
  sample(rng: Rng): number {
    const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
    return Math.exp(this.mu + this.sigma * r * Math.cos(2 * Math.PI * rng.next()));
  }
}

/** Pareto type I: P(X > x) = (scale/x)^shape for x >= scale. Heavy-tailed; mean finite iff shape > 1. */
export class Pareto implements Distribution {
  readonly kind = 'pareto';
  readonly mean: number;
  readonly secondMoment: number;
  constructor(
    readonly scale: number,
    readonly shape: number,
  ) {
    positive('pareto scale', scale);
    positive('pareto shape', shape);
    this.mean = shape > 1 ? (shape * scale) / (shape - 1) : Infinity;
    this.secondMoment = shape > 2 ? (shape * scale * scale) / (shape - 2) : Infinity;
  }
  sample(rng: Rng): number {
    return this.scale * Math.pow(1 - rng.next(), -1 / this.shape);
  }
}

/**
 * Pareto truncated to [lower, upper] (Harchol-Balter, "Performance Modeling and Design of Computer
 * Systems", 2013, §20.6): F(x) = (1 − (L/x)^α) / (1 − (L/H)^α).
 */
export class BoundedPareto implements Distribution {
  readonly kind = 'bounded-pareto';
  readonly mean: number;
  readonly secondMoment: number;
  private readonly tailMass: number;
  constructor(
    readonly lower: number,
    readonly upper: number,
    readonly shape: number,
  ) {
    positive('bounded pareto lower', lower);
    positive('bounded pareto shape', shape);
    if (!(upper > lower && upper < Infinity))
      throw new RangeError(`bounded pareto needs lower < upper, got [${lower}, ${upper}]`);
    this.tailMass = 1 - Math.pow(lower / upper, shape);
    this.mean = this.moment(1);
    this.secondMoment = this.moment(2);
  }
  private moment(k: number): number {
    const { lower: l, upper: h, shape: a } = this;
    const c = (a * Math.pow(l, a)) / this.tailMass;
    if (Math.abs(k - a) < 1e-12) return c * Math.log(h / l);
    return (c * (Math.pow(h, k - a) - Math.pow(l, k - a))) / (k - a);
  }
  sample(rng: Rng): number {
    const x = this.lower * Math.pow(1 - rng.next() * this.tailMass, -1 / this.shape);
    return x < this.upper ? x : this.upper;
  }
}

/**
 * Draws from a table: `discrete` picks one of the values with the given weights (binary search
 * over the cumulative weights); `interpolate` draws from the piecewise-linear empirical CDF through
 * the sorted values (equal weights), i.e. uniform between neighbouring order statistics.
 */
export class Empirical implements Distribution {
  readonly kind = 'empirical';
  readonly mean: number;
  readonly secondMoment: number;
  private readonly values: Float64Array;
  private readonly cumulative: Float64Array;
  constructor(
    values: readonly number[],
    weights: readonly number[] | undefined = undefined,
    readonly mode: 'discrete' | 'interpolate' = 'discrete',
  ) {
    if (values.length === 0) throw new RangeError('empirical needs at least one value');
    if (values.some((v) => !(v >= 0 && v < Infinity)))
      throw new RangeError('empirical values must be finite and >= 0');
    if (mode === 'interpolate') {
      if (weights) throw new RangeError('interpolate mode takes no weights');
      this.values = Float64Array.from(values).sort();
      this.cumulative = new Float64Array(0);
      const v = this.values;
      const segments = v.length - 1;
      let m1 = segments === 0 ? v[0] : 0;
      let m2 = segments === 0 ? v[0] * v[0] : 0;
      for (let i = 0; i < segments; i++) {
        m1 += (v[i] + v[i + 1]) / 2 / segments;
        m2 += (v[i] * v[i] + v[i] * v[i + 1] + v[i + 1] * v[i + 1]) / 3 / segments;
      }
      this.mean = m1;
      this.secondMoment = m2;
      return;
    }
    const w = weights ?? values.map(() => 1);
    if (w.length !== values.length) throw new RangeError('empirical weights must match values');
    if (w.some((x) => !(x >= 0 && x < Infinity)))
      throw new RangeError('empirical weights must be >= 0');
    const total = w.reduce((a, b) => a + b, 0);
    if (!(total > 0)) throw new RangeError('empirical weights must not all be 0');
    this.values = Float64Array.from(values);
    this.cumulative = new Float64Array(values.length);
    let acc = 0;
    let m1 = 0;
    let m2 = 0;
    for (let i = 0; i < values.length; i++) {
      acc += w[i] / total;
      this.cumulative[i] = acc;
      m1 += (w[i] / total) * values[i];
      m2 += (w[i] / total) * values[i] * values[i];
    }
    this.cumulative[values.length - 1] = 1;
    this.mean = m1;
    this.secondMoment = m2;
  }
  sample(rng: Rng): number {
    const u = rng.next();
    const v = this.values;
    if (this.mode === 'interpolate') {
      if (v.length === 1) return v[0];
      const pos = u * (v.length - 1);
      const i = Math.floor(pos);
      return v[i] + (v[i + 1] - v[i]) * (pos - i);
    }
    const c = this.cumulative;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return v[lo];
  }
}

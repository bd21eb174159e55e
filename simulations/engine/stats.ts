import { studentTQuantile } from './special';

/** A point estimate with a symmetric confidence interval: mean ± halfWidth. */
export interface ConfidenceInterval {
  mean: number;
  halfWidth: number;
  /** Confidence level, e.g. 0.95. */
  level: number;
  /** Number of (approximately independent) batches or replications behind the interval. */
  samples: number;
}

/** Student-t interval over independent, roughly normal values (batch means or replications). */
export function tInterval(
  values: ArrayLike<number>,
  level = 0.95,
  pointEstimate?: number,
): ConfidenceInterval {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const mean = n > 0 ? sum / n : NaN;
  if (n < 2) return { mean: pointEstimate ?? mean, halfWidth: Infinity, level, samples: n };
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const t = studentTQuantile(1 - (1 - level) / 2, n - 1);
  return { mean: pointEstimate ?? mean, halfWidth: (t * sd) / Math.sqrt(n), level, samples: n };
}

/**
 * Streaming batch means (e.g. Law, "Simulation Modeling and Analysis", 5th ed., §9.5.3) with
 * bounded memory: observations are grouped into batches of `batchSize`; when `maxBatches` batches
 * are full, neighbours are merged pairwise and the batch size doubles. At the end there are between
 * maxBatches/2 and maxBatches batches (32–64 by default: enough degrees of freedom, and batches long
 * enough that their means are nearly independent even for the strongly correlated waits at ρ = 0.9).
 */
export class BatchMeans {
  private readonly batches: Float64Array;
  private batchCount = 0;
  private size = 1;
  private currentSum = 0;
  private currentCount = 0;
  private totalSum = 0;
  private totalCount = 0;

  constructor(readonly maxBatches = 64) {
    if (!(Number.isInteger(maxBatches) && maxBatches >= 4 && maxBatches % 2 === 0)) {
      throw new RangeError(`maxBatches must be an even integer >= 4, got ${maxBatches}`);
    }
    this.batches = new Float64Array(maxBatches);
  }

  add(x: number): void {
    this.totalSum += x;
    this.totalCount++;
    this.currentSum += x;
    if (++this.currentCount === this.size) {
      this.batches[this.batchCount++] = this.currentSum / this.size;
      this.currentSum = 0;
      this.currentCount = 0;
      if (this.batchCount === this.maxBatches) this.collapse();
    }
  }

  get count(): number {
    return this.totalCount;
  }
  get mean(): number {
    return this.totalCount > 0 ? this.totalSum / this.totalCount : NaN;
  }
  get batchSize(): number {
    return this.size;
  }
  get completeBatches(): number {
    return this.batchCount;
  }

  /** Grand mean of all observations, with a batch-means interval. */
  interval(level = 0.95): ConfidenceInterval {
    return tInterval(this.batches.subarray(0, this.batchCount), level, this.mean);
  }

  reset(): void {
    this.batchCount = 0;
    this.size = 1;
    this.currentSum = 0;
    this.currentCount = 0;
    this.totalSum = 0;
    this.totalCount = 0;
  }

  private collapse(): void {
    const half = this.maxBatches / 2;
    for (let i = 0; i < half; i++)
      this.batches[i] = (this.batches[2 * i] + this.batches[2 * i + 1]) / 2;
    this.batchCount = half;
    this.size *= 2;
  }
}

/**
 * Batch means over an already-collected series of equal-weight values (e.g. per-interval time
 * averages from snapshots): consecutive values are grouped into `batches` equal groups; leftover
 * values at the start (closest to the warm-up) are dropped.
 */
export function seriesBatchInterval(
  values: ArrayLike<number>,
  batches = 32,
  level = 0.95,
): ConfidenceInterval {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const grand = n > 0 ? sum / n : NaN;
  const b = Math.min(batches, n);
  if (b < 2) return { mean: grand, halfWidth: Infinity, level, samples: b };
  const per = Math.floor(n / b);
  const start = n - per * b;
  const means = new Float64Array(b);
  for (let k = 0; k < b; k++) {
    let s = 0;
    for (let i = 0; i < per; i++) s += values[start + k * per + i];
    means[k] = s / per;
  }
  return tInterval(means, level, grand);
}

/**
 * Exact time-weighted average of a piecewise-constant signal (number in system, busy servers...):
 * the integral is updated at every change, never sampled.
 */
export class TimeWeighted {
  private value = 0;
  private lastT = 0;
  private area = 0;
  private startT = 0;

  constructor(startTimeS = 0, initialValue = 0) {
    this.lastT = startTimeS;
    this.startT = startTimeS;
    this.value = initialValue;
  }

  set(now: number, value: number): void {
    this.area += this.value * (now - this.lastT);
    this.lastT = now;
    this.value = value;
  }

  get current(): number {
    return this.value;
  }

  /** Integral of the signal from the start (or last reset) to `now`. */
  integral(now: number): number {
    return this.area + this.value * (now - this.lastT);
  }

  mean(now: number): number {
    const span = now - this.startT;
    return span > 0 ? this.integral(now) / span : this.value;
  }

  /** Starts a new averaging window at `now`, keeping the current value. */
  reset(now: number): void {
    this.area = 0;
    this.lastT = now;
    this.startT = now;
  }
}

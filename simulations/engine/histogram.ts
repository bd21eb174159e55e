/**
 * Streaming log-linear histogram in the style of HdrHistogram (Gil Tene): each power-of-two octave
 * is split into 2^precisionBits equal sub-buckets, so a bucket's width is at most 2^-precisionBits
 * of its lower bound. Reporting the bucket midpoint (clamped to the exact min/max) gives a relative
 * error of at most 2^-(precisionBits+1) for any quantile: 0.39% at the default 7 bits, inside the
 * 1% the latency charts need. Memory is fixed (60 octaves × 128 buckets × 8 bytes ≈ 61 KB), whatever the
 * run length.
 *
 * The bucket index comes straight from the IEEE-754 bits (exponent and top mantissa bits) of the
 * value, so record() costs a few integer operations and no Math.log.
 */

/** Smallest and largest octave tracked: 2^-30 s ≈ 0.93 ns up to 2^30 s ≈ 34 years. */
const MIN_EXPONENT = -30;
const MAX_EXPONENT = 30;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** Index of the 32-bit word holding sign, exponent and top mantissa bits (1 on little-endian). */
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export class LogHistogram {
  readonly precisionBits: number;
  private readonly counts: Float64Array;
  private readonly shift: number;
  private readonly offset: number;
  private readonly maxIndex: number;
  private zeros = 0;
  private total = 0;
  private sumValues = 0;
  private minValue = Infinity;
  private maxValue = -Infinity;

  constructor(precisionBits = 7) {
    if (!(Number.isInteger(precisionBits) && precisionBits >= 1 && precisionBits <= 12)) {
      throw new RangeError(`precisionBits must be an integer in [1, 12], got ${precisionBits}`);
    }
    this.precisionBits = precisionBits;
    this.counts = new Float64Array((MAX_EXPONENT - MIN_EXPONENT) << precisionBits);
    this.shift = 20 - precisionBits;
    // Biased exponent of 2^MIN_EXPONENT is 1023 + MIN_EXPONENT.
    this.offset = (1023 + MIN_EXPONENT) << precisionBits;
    this.maxIndex = this.counts.length - 1;
  }

  /** Largest relative error of quantile() for values inside the tracked range. */
  get relativeError(): number {
    return 2 ** -(this.precisionBits + 1);
  }

  get count(): number {
    return this.total;
  }
  get sum(): number {
    return this.sumValues;
  }
  get mean(): number {
    return this.total > 0 ? this.sumValues / this.total : NaN;
  }
  get min(): number {
    return this.total > 0 ? this.minValue : NaN;
  }
  get max(): number {
    return this.total > 0 ? this.maxValue : NaN;
  }

  /**
   * Records one value (>= 0). Kept small on purpose: V8 inlines it into the station's hot path, so
   * the double argument is never boxed (no allocation per event).
   */
  record(value: number): void {
    if (!(value > 0)) {
      this.recordZero(value);
      return;
    }
    F64[0] = value;
    const i = (U32[HIGH_WORD] >>> this.shift) - this.offset;
    this.counts[i < 0 ? 0 : i > this.maxIndex ? this.maxIndex : i]++;
    this.total++;
    this.sumValues += value;
    if (value < this.minValue) this.minValue = value;
    if (value > this.maxValue) this.maxValue = value;
  }

  private recordZero(value: number): void {
    if (value !== 0) throw new RangeError(`histogram values must be >= 0, got ${value}`);
    this.zeros++;
    this.total++;
    if (this.minValue > 0) this.minValue = 0;
    if (this.maxValue < 0) this.maxValue = 0;
  }

  /**
   * The q-quantile (0 <= q <= 1) by nearest rank: the value of rank ceil(q·n) in sorted order,
   * to within relativeError (q = 0 and q = 1 give the exact min and max). NaN when empty.
   */
  quantile(q: number): number {
    if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be in [0, 1], got ${q}`);
    const n = this.total;
    if (n === 0) return NaN;
    if (q === 0) return this.minValue;
    if (q === 1) return this.maxValue;
    const rank = Math.min(n, Math.max(1, Math.ceil(q * n)));
    let seen = this.zeros;
    if (seen >= rank) return 0;
    const counts = this.counts;
    for (let i = 0; i <= this.maxIndex; i++) {
      seen += counts[i];
      if (seen >= rank) {
        const mid = this.bucketMidpoint(i);
        return Math.min(this.maxValue, Math.max(this.minValue, mid));
      }
    }
    return this.maxValue;
  }

  /** Fraction of recorded values <= x (bucket resolution). */
  fractionAtOrBelow(x: number): number {
    if (this.total === 0) return NaN;
    if (x < 0) return 0;
    let seen = this.zeros;
    for (let i = 0; i <= this.maxIndex; i++) {
      if (this.bucketMidpoint(i) > x) break;
      seen += this.counts[i];
    }
    return seen / this.total;
  }

  /** Adds another histogram's counts (same precision) into this one. */
  merge(other: LogHistogram): void {
    if (other.precisionBits !== this.precisionBits)
      throw new RangeError('merge: precision mismatch');
    for (let i = 0; i <= this.maxIndex; i++) this.counts[i] += other.counts[i];
    this.zeros += other.zeros;
    this.total += other.total;
    this.sumValues += other.sumValues;
    this.minValue = Math.min(this.minValue, other.minValue);
    this.maxValue = Math.max(this.maxValue, other.maxValue);
  }

  reset(): void {
    this.counts.fill(0);
    this.zeros = 0;
    this.total = 0;
    this.sumValues = 0;
    this.minValue = Infinity;
    this.maxValue = -Infinity;
  }

  private bucketMidpoint(i: number): number {
    const subBuckets = 1 << this.precisionBits;
    const exponent = (i >> this.precisionBits) + MIN_EXPONENT;
    const sub = i & (subBuckets - 1);
    return 2 ** exponent * (1 + (sub + 0.5) / subBuckets);
  }
}

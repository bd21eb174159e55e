import type { Rng } from './rng';

/**
 * Walker's alias method (A. J. Walker, "An efficient method for generating discrete random
 * variables with general distributions", ACM TOMS 3(3), 1977; Vose's stable construction, IEEE
 * TSE 17(9), 1991): O(n) set-up, then one uniform draw and one comparison per sample.
 */
export class AliasTable {
  readonly size: number;
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    if (n === 0) throw new RangeError('alias table needs at least one weight');
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (!(w >= 0 && w < Infinity)) throw new RangeError(`weight ${i} must be >= 0, got ${w}`);
      total += w;
    }
    if (!(total > 0)) throw new RangeError('weights must not all be zero');
    this.size = n;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = new Float64Array(n);
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i] * n) / total;
      if (scaled[i] < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const s = small[--ns];
      const l = large[--nl];
      this.prob[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) small[ns++] = l;
      else large[nl++] = l;
    }
    while (nl > 0) this.prob[large[--nl]] = 1;
    while (ns > 0) this.prob[small[--ns]] = 1;
  }

  sample(rng: Rng): number {
    const u = rng.next() * this.size;
    const i = u | 0;
    return u - i < this.prob[i] ? i : this.alias[i];
  }
}

/** Zipf popularity over ranks 1..n: weight of rank k ∝ k^(−s) (index 0 is the most popular). */
export function zipfTable(n: number, s: number): AliasTable {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`key count must be >= 1, got ${n}`);
  if (!(s >= 0 && s < Infinity)) throw new RangeError(`zipf exponent must be >= 0, got ${s}`);
  const w = new Float64Array(n);
  for (let k = 0; k < n; k++) w[k] = (k + 1) ** -s;
  return new AliasTable(w);
}

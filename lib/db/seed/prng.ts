/**
 * Seeded PRNG for the query-lab seed data: sfc32, Chris Doty-Humphrey's "Small Fast Counting"
 * generator from PractRand (shifts 9, 3 and rotate 21, as in bryc's public-domain JavaScript port,
 * github.com/bryc/code/blob/master/jshash/PRNGs.md). 32-bit integer arithmetic only
 * (Math.imul / >>> 0), so every JS engine yields the identical sequence: the seed, and hence the data
 * and checksums, are the same on every machine. Never Math.random (team rule).
 */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
}

export function createRng(seed: number): Rng {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const nextU32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // Discard the first outputs so nearby seeds decorrelate (as recommended for sfc32).
  for (let i = 0; i < 15; i++) nextU32();
  const next = (): number => nextU32() / 4294967296;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
  };
}

/**
 * Zipf-like weights 1/(rank+1)^s, normalised to cumulative form for O(log n) sampling. Channel
 * popularity in chat products is heavy-tailed (a few busy channels, a long tail of quiet ones);
 * s ≈ 1 is the classic Zipf exponent.
 */
export function zipfCumulative(n: number, s: number): Float64Array {
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / Math.pow(i + 1, s);
    cum[i] = total;
  }
  for (let i = 0; i < n; i++) cum[i] = (cum[i] as number) / total;
  return cum;
}

/** Index i with probability cum[i] − cum[i−1] (binary search on the cumulative weights). */
export function sampleCumulative(cum: Float64Array, u: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < (cum[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

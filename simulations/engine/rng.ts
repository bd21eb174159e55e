/**
 * Seeded randomness for the engine.
 *
 * Generator: xoshiro128** 1.1 (D. Blackman and S. Vigna, "Scrambled linear pseudorandom number
 * generators", ACM TOMS 47(4), 2021; reference C code at https://prng.di.unimi.it/xoshiro128starstar.c).
 * 32-bit arithmetic only (Math.imul), period 2^128 − 1, passes BigCrush, and is a few ns per draw
 * in V8. Its state is seeded with SplitMix64 (Steele, Lea and Flood, OOPSLA 2014), as Vigna
 * recommends, so nearby seeds give unrelated streams.
 *
 * Streams: every component draws from its own generator whose seed is derived from the run seed
 * and the component's *name* (FNV-1a 64-bit hash). Adding or removing a component therefore never
 * shifts the draws of the others, and the same (seed, name) gives the same stream everywhere.
 * `Rng.source` is a `() => number` in [0, 1), the shape d3's random generators take as a source.
 */

const MASK64 = (1n << 64n) - 1n;
/** FNV-1a 64-bit offset basis and prime (Fowler–Noll–Vo, IETF draft-eastlake-fnv). */
const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
/** 2^-32: maps a uint32 onto [0, 1). */
const INV_2_32 = 1 / 4294967296;

/** FNV-1a over the UTF-16 code units of `text` (low byte, then high byte). */
export function fnv1a64(text: string): bigint {
  let h = FNV64_OFFSET;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h = ((h ^ BigInt(code & 0xff)) * FNV64_PRIME) & MASK64;
    h = ((h ^ BigInt(code >>> 8)) * FNV64_PRIME) & MASK64;
  }
  return h;
}

/** SplitMix64 (constants from Vigna's splitmix64.c). Returns [nextState, output]. */
export function splitMix64(state: bigint): [bigint, bigint] {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return [next, z ^ (z >> 31n)];
}

/**
 * Outputs are generated BUFFER_SIZE at a time into a typed array. The draw sequence is exactly the
 * generator's; buffering only keeps next() tiny so V8 always inlines it into hot paths (a
 * non-inlined call returning a double allocates a HeapNumber per draw).
 */
const BUFFER_SIZE = 256;

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private readonly buffer = new Uint32Array(BUFFER_SIZE);
  private position = BUFFER_SIZE;

  /** Raw state constructor (for known-answer tests); use rngStream() in models. */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
    // The all-zero state is the one fixed point of xoshiro; SplitMix64 never yields it in
    // practice, but guard anyway.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32-bit output as an unsigned integer. */
  nextUint32(): number {
    if (this.position === BUFFER_SIZE) this.refill();
    return this.buffer[this.position++];
  }

  /**
   * Uniform in [0, 1) with 32-bit resolution (2^-32 ≈ 2.3e-10); ample for queueing statistics,
   * and 1 − next() is never 0, so −ln(1 − u) is always finite.
   */
  next(): number {
    if (this.position === BUFFER_SIZE) this.refill();
    return this.buffer[this.position++] * INV_2_32;
  }

  /** This stream as a `() => number` source (the shape d3's random generators accept). */
  readonly source = (): number => this.next();

  /** xoshiro128** 1.1 step, BUFFER_SIZE times (reference: prng.di.unimi.it/xoshiro128starstar.c). */
  private refill(): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    const buffer = this.buffer;
    for (let i = 0; i < BUFFER_SIZE; i++) {
      const x = Math.imul(s1, 5);
      buffer[i] = Math.imul((x << 7) | (x >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    this.position = 0;
  }
}

/** The generator for stream `name` of a run with seed `seed` (any safe integer). */
export function rngStream(seed: number, name: string): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const [next, a] = splitMix64((BigInt.asUintN(64, BigInt(seed)) ^ fnv1a64(name)) & MASK64);
  const [, b] = splitMix64(next);
  const lo = (v: bigint) => Number(v & 0xffffffffn) | 0;
  const hi = (v: bigint) => Number(v >> 32n) | 0;
  return new Rng(lo(a), hi(a), lo(b), hi(b));
}

/** Convenience: all named streams of one run. */
export class RngStreams {
  constructor(readonly seed: number) {}
  stream(name: string): Rng {
    return rngStream(this.seed, name);
  }
}

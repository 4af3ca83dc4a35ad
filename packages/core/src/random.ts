import { CoreError } from "./errors";
import { exactLog } from "./exact-log";

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/**
 * A numpy seed: an integer in [0, 2³² − 1] (`np.random.seed(s)`), or a non-empty array of such integers
 * (`np.random.RandomState([k₀, k₁, …])`, numpy's seeding by a key of any length, e.g. 256 secret bits as
 * eight 32-bit words).
 */
export type NumpySeed = number | readonly number[];

/** Longest key accepted: numpy has no limit, but more than the state's 624 words adds nothing. */
const MAX_KEY_WORDS = 4096;

const isWord = (value: number) => Number.isInteger(value) && value >= 0 && value <= 0xffffffff;

/**
 * numpy's legacy generator (`np.random.seed(s)`, `np.random.rand`, `randn`, `permutation`), bit for bit:
 * MT19937 seeded with Matsumoto–Nishimura's init_genrand(s) as numpy's legacy `seed(int)` does (or their
 * init_by_array(key) for an array seed, as numpy does for `RandomState([…])`), doubles as
 * (a·2²⁶ + b)/2⁵³ from two 32-bit draws (a = u₁ >> 5, b = u₂ >> 6), and Gaussians by Marsaglia's polar
 * method, which yields two values per accepted pair and caches the second.
 * Holds mutable state by design: it *is* a generator. Everything else in the package is pure.
 */
export class RandomState {
  private readonly mt = new Uint32Array(N);
  private index = N;
  private hasGauss = false;
  private gauss = 0;

  /** `seed` is an integer in [0, 2³² − 1] or a non-empty array of them, as numpy requires. */
  constructor(seed: NumpySeed) {
    if (typeof seed === "number") {
      if (!isWord(seed)) {
        throw new CoreError("BAD_OPTION", `seed is ${seed}, expected an integer in [0, 2^32 - 1]`);
      }
      this.initGenrand(seed);
      return;
    }
    if (!Array.isArray(seed) || seed.length === 0 || seed.length > MAX_KEY_WORDS || !seed.every(isWord)) {
      throw new CoreError(
        "BAD_OPTION",
        `a seed array must hold 1 to ${MAX_KEY_WORDS} integers in [0, 2^32 - 1]`,
      );
    }
    this.initByArray(seed);
  }

  /** mt[0] = s; mt[i] = 1812433253 · (mt[i−1] ⊕ (mt[i−1] >> 30)) + i  (mod 2³²). */
  private initGenrand(seed: number): void {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] as number;
      mt[i] = (Math.imul(1812433253, (prev ^ (prev >>> 30)) >>> 0) + i) >>> 0;
    }
  }

  /** Matsumoto–Nishimura's init_by_array (mt19937ar.c), as numpy's `mt19937_init_by_array`. */
  private initByArray(key: readonly number[]): void {
    const mt = this.mt;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, key.length); k > 0; k--) {
      const prev = mt[i - 1] as number;
      // mt[i] = (mt[i] ⊕ ((prev ⊕ (prev >> 30)) · 1664525)) + key[j] + j  (mod 2³²)
      mt[i] =
        (((mt[i] as number) ^ Math.imul((prev ^ (prev >>> 30)) >>> 0, 1664525)) + (key[j] as number) + j) >>>
        0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
      if (j >= key.length) j = 0;
    }
    for (let k = N - 1; k > 0; k--) {
      const prev = mt[i - 1] as number;
      // mt[i] = (mt[i] ⊕ ((prev ⊕ (prev >> 30)) · 1566083941)) − i  (mod 2³²)
      mt[i] = (((mt[i] as number) ^ Math.imul((prev ^ (prev >>> 30)) >>> 0, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
    }
    mt[0] = 0x80000000; // most significant bit set: a non-zero state is assured
  }

  private twist(): void {
    const mt = this.mt;
    for (let k = 0; k < N; k++) {
      const y = ((mt[k] as number) & UPPER_MASK) | ((mt[(k + 1) % N] as number) & LOWER_MASK);
      mt[k] = (mt[(k + M) % N] as number) ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.index = 0;
  }

  /** The next raw 32-bit output of MT19937 (tempered), as an unsigned integer. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++] as number;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A uniform double in [0, 1) with 53 random bits: numpy's `random_sample()`. */
  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** A standard normal draw: numpy's legacy `standard_normal()` (polar method, second value cached). */
  standardNormal(): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      return this.gauss;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * this.random() - 1;
      x2 = 2 * this.random() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * exactLog(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }

  /** `count` standard normals: `np.random.randn(count)` (a row-major `randn(r, c)` is the same stream). */
  randn(count: number): Float64Array {
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) out[i] = this.standardNormal();
    return out;
  }

  /** N(loc, scale²): numpy's `normal(loc, scale)` = loc + scale·z. */
  normal(loc = 0, scale = 1): number {
    return loc + scale * this.standardNormal();
  }

  /** U[low, high): numpy's `uniform(low, high)` = low + (high − low)·u. */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.random();
  }

  /** A uniform integer in [0, max] by masked rejection, numpy's `random_interval` (max < 2³²). */
  interval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let value: number;
    do value = (this.nextUint32() & mask) >>> 0;
    while (value > max);
    return value;
  }

  /** Shuffles in place like numpy's legacy `shuffle` (Fisher–Yates from the end). */
  shuffle<T extends { length: number; [i: number]: unknown }>(items: T): T {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.interval(i);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** A random ordering of 0 … n − 1: numpy's legacy `permutation(n)`. */
  permutation(n: number): Int32Array {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    return this.shuffle(out);
  }
}

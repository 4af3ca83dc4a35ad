// Internal: a correctly rounded natural logarithm, for RandomState only. numpy's Gaussian draws go
// through the C library's log (glibc), while V8's Math.log (fdlibm, < 1 ulp) differs from it in the
// last bit for ~3 % of the arguments the polar method produces, so the lesson's data would differ
// from numpy's in the last bit. Evaluated in double-double arithmetic (≈ 106 bits), rounded once.

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's split: JS has no fused multiply-add
const LN2_HI = Math.LN2;
const LN2_LO = 2.3190468138462996e-17;

// Double-double results come back through these two slots so the hot path allocates nothing.
let H = 0;
let L = 0;

function quickTwoSum(s: number, e: number): void {
  H = s + e;
  L = e - (H - s);
}

function add(ah: number, al: number, bh: number, bl: number): void {
  const s = ah + bh;
  const v = s - ah;
  quickTwoSum(s, ah - (s - v) + (bh - v) + (al + bl));
}

function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  H = p;
  L = ah * bh - p + ah * bl + al * bh + al * bl;
}

function mul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  quickTwoSum(H, L + (ah * bl + al * bh));
}

function div(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  mul(q1, 0, bh, bl);
  add(ah, al, -H, -L);
  const rh = H;
  const rl = L;
  const q2 = rh / bh;
  mul(q2, 0, bh, bl);
  add(rh, rl, -H, -L);
  const q3 = H / bh;
  quickTwoSum(q1, q2);
  add(H, L, q3, 0);
}

// 1/(2j + 1) as double-doubles, for the series atanh(s)/s = Σ s^(2j)/(2j + 1).
const DD_TERMS = 11;
const TAIL_TERMS = 24;
const INV_ODD_HI = new Float64Array(DD_TERMS);
const INV_ODD_LO = new Float64Array(DD_TERMS);
for (let j = 0; j < DD_TERMS; j++) {
  const q = 2 * j + 1;
  const h = 1 / q;
  twoProd(h, q);
  INV_ODD_HI[j] = h;
  INV_ODD_LO[j] = (1 - H - L) / q;
}

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);
// Little-endian hosts (every JS engine in practice) keep the sign/exponent word second.
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** ln x rounded to nearest, for finite x > 0; other inputs fall back to Math.log's answer. */
export function exactLog(x: number): number {
  if (!(x > 0 && x < Number.POSITIVE_INFINITY)) return Math.log(x);
  if (x === 1) return 0;
  // x = m · 2^k with m in [1/√2, √2): f = m − 1 is then exact and |s| = |f/(2 + f)| ≤ 0.172.
  let k = 0;
  scratch[0] = x < 2.2250738585072014e-308 ? x * 2 ** 54 : x;
  if (x < 2.2250738585072014e-308) k = -54;
  const high = words[HIGH] as number;
  k += ((high >>> 20) & 0x7ff) - 1023;
  words[HIGH] = (high & 0x800fffff) | 0x3ff00000;
  let m = scratch[0] as number;
  if (m > Math.SQRT2) {
    m *= 0.5;
    k += 1;
  }
  const f = m - 1;
  // ln m = 2 atanh(s) = 2s Σ s^(2j)/(2j + 1), s = f/(2 + f).
  const dh = 2 + f;
  const dl = f - (dh - 2);
  div(f, 0, dh, dl);
  const sh = H;
  const sl = L;
  mul(sh, sl, sh, sl);
  const qh = H;
  const ql = L;
  // Terms beyond DD_TERMS are below 2^-55 of the sum: plain doubles suffice for them.
  let tail = 0;
  for (let j = TAIL_TERMS; j >= DD_TERMS; j--) tail = tail * qh + 1 / (2 * j + 1);
  let ph = tail;
  let pl = 0;
  for (let j = DD_TERMS - 1; j >= 0; j--) {
    mul(ph, pl, qh, ql);
    add(H, L, INV_ODD_HI[j] as number, INV_ODD_LO[j] as number);
    ph = H;
    pl = L;
  }
  mul(sh, sl, ph, pl);
  const lnMh = 2 * H;
  const lnMl = 2 * L;
  twoProd(k, LN2_HI);
  quickTwoSum(H, L + k * LN2_LO);
  add(H, L, lnMh, lnMl);
  return H;
}

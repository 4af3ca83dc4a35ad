import { assertCount } from "./blobs";
import type { Dataset } from "./dataset";
import { CoreError } from "./errors";
import { type NumpySeed, RandomState } from "./random";

/**
 * Options shared by the non-linear toy sets: size (default 200), Gaussian noise σ ≥ 0, numpy seed (an
 * integer or a key of 32-bit words; default 0).
 */
export interface ToyOptions {
  n?: number;
  noise?: number;
  seed?: NumpySeed;
}

function settings(options: ToyOptions, defaultNoise: number) {
  const n = options.n ?? 200;
  const noise = options.noise ?? defaultNoise;
  assertCount("n", n);
  if (n < 2) throw new CoreError("BAD_OPTION", "n must be at least 2");
  if (!(Number.isFinite(noise) && noise >= 0)) {
    throw new CoreError("BAD_OPTION", `noise is ${noise}, expected a finite number ≥ 0`);
  }
  return { n, noise, rs: new RandomState(options.seed ?? 0) };
}

/**
 * Orange dots (y = 1) inside a ring of blue (y = 0), which no straight line separates:
 * the outer ⌈n/2⌉ points evenly spaced on the unit circle, the inner ones on radius `factor`
 * (default 0.5), each coordinate plus N(0, noise²) (default noise 0.08). Like sklearn's make_circles.
 */
export function circles(options: ToyOptions & { factor?: number } = {}): Dataset {
  const { n, noise, rs } = settings(options, 0.08);
  const factor = options.factor ?? 0.5;
  if (!(factor > 0 && factor < 1)) throw new CoreError("BAD_OPTION", `factor is ${factor}, expected (0, 1)`);
  const outer = Math.ceil(n / 2);
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const inner = i >= outer;
    const k = inner ? i - outer : i;
    const count = inner ? n - outer : outer;
    const angle = (2 * Math.PI * k) / count;
    const radius = inner ? factor : 1;
    x[2 * i] = radius * Math.cos(angle) + noise * rs.standardNormal();
    x[2 * i + 1] = radius * Math.sin(angle) + noise * rs.standardNormal();
    y[i] = inner ? 1 : 0;
  }
  return { x, y, n, d: 2, featureNames: ["x1", "x2"] };
}

/**
 * Two interleaving half circles (sklearn's make_moons): class 0 on (cos t, sin t), class 1 on
 * (1 − cos t, 0.5 − sin t), t evenly spaced in [0, π], plus N(0, noise²) (default noise 0.1).
 */
export function moons(options: ToyOptions = {}): Dataset {
  const { n, noise, rs } = settings(options, 0.1);
  const first = Math.ceil(n / 2);
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const second = i >= first;
    const k = second ? i - first : i;
    const count = second ? n - first : first;
    const t = count > 1 ? (Math.PI * k) / (count - 1) : 0;
    x[2 * i] = (second ? 1 - Math.cos(t) : Math.cos(t)) + noise * rs.standardNormal();
    x[2 * i + 1] = (second ? 0.5 - Math.sin(t) : Math.sin(t)) + noise * rs.standardNormal();
    y[i] = second ? 1 : 0;
  }
  return { x, y, n, d: 2, featureNames: ["x1", "x2"] };
}

/**
 * The XOR pattern: points uniform in [−1, 1]², each pushed 0.1 away from the axes it is nearest
 * to, labelled y = 1 when x₁·x₂ < 0 (opposite quadrants share a class), plus N(0, noise²)
 * (default noise 0.1) after labelling, so noise blurs the quadrant borders.
 */
export function xor(options: ToyOptions = {}): Dataset {
  const { n, noise, rs } = settings(options, 0.1);
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = rs.uniform(-1, 1);
    const b = rs.uniform(-1, 1);
    // A margin around the axes keeps the pattern readable at low noise.
    const u = a + (a < 0 ? -0.1 : 0.1);
    const v = b + (b < 0 ? -0.1 : 0.1);
    y[i] = u * v < 0 ? 1 : 0;
    x[2 * i] = u + noise * rs.standardNormal();
    x[2 * i + 1] = v + noise * rs.standardNormal();
  }
  return { x, y, n, d: 2, featureNames: ["x1", "x2"] };
}

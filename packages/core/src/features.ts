import type { Dataset } from "./dataset";
import { CoreError } from "./errors";
import type { Model } from "./model";

/**
 * The features a model of the plane may use, in their one canonical order: the raw coordinates and
 * their degree-2 crosses, as in TensorFlow Playground and the lesson's ring widget. With x₁² and x₂² the
 * boundary w·φ(x) + b = 0 can close around a disc; with x₁x₂ it can tilt into a hyperbola.
 */
export const FEATURES = ["x1", "x2", "x1^2", "x2^2", "x1x2"] as const;
export type FeatureName = (typeof FEATURES)[number];

/** What a model uses when nobody says otherwise: the two raw coordinates, a straight boundary. */
export const LINEAR_FEATURES: readonly FeatureName[] = ["x1", "x2"];

/** The crosses a teacher can allow on top of x₁, x₂. */
export const FEATURE_CROSSES: readonly FeatureName[] = ["x1^2", "x2^2", "x1x2"];

/** The challenge control (a teacher's checkbox) that lets students add {@link FEATURE_CROSSES}. */
export const FEATURE_CROSSES_CONTROL = "featureCrosses";

/** The features students of a challenge with these controls may use. */
export function allowedFeatures(controls: readonly string[]): readonly FeatureName[] {
  return controls.includes(FEATURE_CROSSES_CONTROL) ? FEATURES : LINEAR_FEATURES;
}

/** How each feature is written for people (charts, equations, screen readers). */
export const FEATURE_LABELS: Readonly<Record<FeatureName, string>> = {
  x1: "x₁",
  x2: "x₂",
  "x1^2": "x₁²",
  "x2^2": "x₂²",
  x1x2: "x₁x₂",
};

/** A model of the plane together with the features its weights belong to (one weight per feature). */
export interface FeatureModel extends Model {
  readonly features: readonly FeatureName[];
}

const RANK = new Map<string, number>(FEATURES.map((feature, index) => [feature, index]));

export function isFeatureName(value: unknown): value is FeatureName {
  return typeof value === "string" && RANK.has(value);
}

/**
 * Null when `features` is a non-empty list of known features without repeats in canonical order (so one
 * set of features has exactly one spelling, and weights line up with it); otherwise what is wrong.
 */
export function featureListProblem(features: readonly unknown[]): string | null {
  if (features.length === 0) return "a model needs at least one feature";
  let previous = -1;
  for (const feature of features) {
    const rank = RANK.get(feature as string);
    if (rank === undefined) {
      return `unknown feature ${JSON.stringify(feature)}: expected one of ${FEATURES.join(", ")}`;
    }
    if (rank <= previous) {
      return `features must be distinct and in the order ${FEATURES.join(", ")}`;
    }
    previous = rank;
  }
  return null;
}

/** Throws a {@link CoreError} unless `features` is a valid feature list (see {@link featureListProblem}). */
export function assertFeatures(features: readonly unknown[]): asserts features is readonly FeatureName[] {
  const problem = featureListProblem(features);
  if (problem !== null) throw new CoreError("BAD_OPTION", problem);
}

/** The distinct features of `features` in canonical order (what a set of checkboxes becomes). */
export function canonicalFeatures(features: Iterable<FeatureName>): FeatureName[] {
  const chosen = new Set(features);
  return FEATURES.filter((feature) => chosen.has(feature));
}

/** True when every feature is x₁ or x₂: the boundary is a straight line. */
export function isLinear(features: readonly FeatureName[]): boolean {
  return features.every((feature) => feature === "x1" || feature === "x2");
}

/**
 * Null when every one of `features` is in `allowed`; otherwise a sentence for the student naming the ones
 * that aren't ("x₁², x₂² aren't allowed in this challenge: use x₁, x₂").
 */
export function featureRefusal(
  features: readonly FeatureName[],
  allowed: readonly FeatureName[],
  where: string,
): string | null {
  const refused = features.filter((feature) => !allowed.includes(feature));
  if (refused.length === 0) return null;
  const names = (list: readonly FeatureName[]) => list.map((feature) => FEATURE_LABELS[feature]).join(", ");
  return `${names(refused)} ${refused.length === 1 ? "isn't" : "aren't"} allowed in ${where}: use ${names(allowed)}`;
}

/** φ_f(x₁, x₂): x₁, x₂, x₁², x₂² or x₁x₂. */
export function featureValue(feature: FeatureName, x1: number, x2: number): number {
  switch (feature) {
    case "x1":
      return x1;
    case "x2":
      return x2;
    case "x1^2":
      return x1 * x1;
    case "x2^2":
      return x2 * x2;
    case "x1x2":
      return x1 * x2;
  }
}

/**
 * φ(X): every raw point (x₁, x₂) of `data` mapped to its features, an n × k data set with the same labels
 * (copied) and the features as names. The raw data is left unchanged.
 * @throws CoreError DIMENSION_MISMATCH unless `data` has exactly the two raw coordinates; BAD_OPTION for a
 * bad feature list.
 */
export function expandFeatures(data: Dataset, features: readonly FeatureName[]): Dataset {
  assertFeatures(features);
  if (data.d !== 2) {
    throw new CoreError("DIMENSION_MISMATCH", `features are computed from (x1, x2), the data has ${data.d}`);
  }
  const { n } = data;
  const k = features.length;
  const x = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const x1 = data.x[2 * i] as number;
    const x2 = data.x[2 * i + 1] as number;
    for (let j = 0; j < k; j++) x[i * k + j] = featureValue(features[j] as FeatureName, x1, x2);
  }
  return { x, y: data.y.slice(), n, d: k, featureNames: [...features] };
}

/**
 * Throws a {@link CoreError} unless the model's features are a valid list (BAD_OPTION) with one weight
 * each (DIMENSION_MISMATCH). Finiteness is the caller's concern: drawing tolerates what scoring refuses.
 */
export function assertWeightsFitFeatures(model: FeatureModel): void {
  assertFeatures(model.features);
  if (model.w.length !== model.features.length) {
    throw new CoreError(
      "DIMENSION_MISMATCH",
      `the model has ${model.w.length} weights for ${model.features.length} features`,
    );
  }
}

/**
 * A feature model as the quadratic it is in raw coordinates:
 * z = a₁x₁ + a₂x₂ + a₁₁x₁² + a₂₂x₂² + a₁₂x₁x₂ + b, with a coefficient 0 for every unused feature.
 * Every model over {@link FEATURES} is one, so scoring and drawing need no per-feature dispatch.
 */
export type Quadratic = Readonly<Record<FeatureName, number>> & { readonly b: number };

/**
 * The quadratic of `model` (weights for the raw features, one per entry of `model.features`).
 * @throws CoreError as {@link assertWeightsFitFeatures}.
 */
export function quadraticOf(model: FeatureModel): Quadratic {
  assertWeightsFitFeatures(model);
  const coefficients: Record<FeatureName, number> = { x1: 0, x2: 0, "x1^2": 0, "x2^2": 0, x1x2: 0 };
  model.features.forEach((feature, j) => {
    coefficients[feature] = model.w[j] as number;
  });
  return { ...coefficients, b: model.b };
}

/**
 * z = Σⱼ wⱼ φⱼ(x₁, x₂) + b at one raw point. The linear part is summed first, in the order a two-weight
 * model always was ((x₁w₁ + x₂w₂) + b), so a straight boundary scores bit for bit as before.
 */
export function quadraticAt(q: Quadratic, x1: number, x2: number): number {
  const linear = x1 * q.x1 + x2 * q.x2 + q.b;
  return linear + (x1 * x1 * q["x1^2"] + x2 * x2 * q["x2^2"] + x1 * x2 * q.x1x2);
}

/** z(x₁, x₂) = w·φ(x₁, x₂) + b of a feature model, as a function of a raw point. */
export function decisionAt(model: FeatureModel): (x1: number, x2: number) => number {
  const q = quadraticOf(model);
  return (x1, x2) => quadraticAt(q, x1, x2);
}

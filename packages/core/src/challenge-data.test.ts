import { describe, expect, it } from "vitest";
import { seedBlobs } from "./blobs";
import {
  CHALLENGE_DATASET_KINDS,
  CHALLENGE_KNOBS,
  type ChallengeDatasetSpec,
  challengeDatasets,
  challengeTrainingData,
  evaluateSubmission,
  scoreSubmission,
} from "./challenge-data";
import { createDataset } from "./dataset";
import { isCoreError } from "./errors";
import { logLoss } from "./loss";
import { accuracy } from "./metrics";
import { predictProba } from "./predict";
import { applyScaler, fitScaler } from "./standardize";
import { expectClose } from "./test-support/close";

const spec: ChallengeDatasetSpec = {
  kind: "cats-vs-dogs",
  seed: 42,
  trainSize: 200,
  publicTestSize: 150,
  privateTestSize: 150,
  noise: 0.4,
};

/** Two held-out secrets (256 bits each), as the server would draw them. */
const SECRET = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const OTHER_SECRET = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

const ones = (data: { y: Float64Array }) => data.y.reduce((sum, label) => sum + label, 0);
const same = (a: Float64Array, b: Float64Array) => Buffer.from(a.buffer).equals(Buffer.from(b.buffer));
const pointKeys = (data: { x: Float64Array; n: number }) =>
  Array.from({ length: data.n }, (_, i) => `${data.x[2 * i]},${data.x[2 * i + 1]}`);

describe("challengeDatasets", () => {
  it.each(CHALLENGE_DATASET_KINDS)(
    "builds the requested sizes for %s, bit-identical on a second call",
    (kind) => {
      const noise = kind === "cats-vs-dogs" ? 0.3 : 0.2;
      const first = challengeDatasets({ ...spec, kind, noise }, SECRET);
      const second = challengeDatasets({ ...spec, kind, noise }, SECRET);
      expect([first.train.n, first.publicTest.n, first.privateTest.n]).toEqual([200, 150, 150]);
      for (const part of ["train", "publicTest", "privateTest"] as const) {
        expect(Buffer.from(first[part].x.buffer).equals(Buffer.from(second[part].x.buffer))).toBe(true);
        expect(Array.from(first[part].y)).toEqual(Array.from(second[part].y));
        expect(first[part].d).toBe(2);
      }
    },
  );

  it("pins the first points so browser and server can't drift apart unnoticed", () => {
    const { train, publicTest, privateTest } = challengeDatasets(spec, SECRET);
    expect([train.x[0], train.x[1], train.y[0]]).toMatchInlineSnapshot(`
      [
        3.4708570085494355,
        5.038707585674647,
        0,
      ]
    `);
    expect([publicTest.x[0], publicTest.x[1], publicTest.y[0]]).toMatchInlineSnapshot(`
      [
        4.916859218954838,
        7.294615179383094,
        0,
      ]
    `);
    expect([privateTest.x[0], privateTest.x[1], privateTest.y[0]]).toMatchInlineSnapshot(`
      [
        4.56839167836602,
        6.019298614317994,
        0,
      ]
    `);
  });

  it("builds the training points from the public spec alone, whatever the secret", () => {
    const train = challengeTrainingData(spec);
    for (const secret of [SECRET, OTHER_SECRET]) {
      const parts = challengeDatasets(spec, secret);
      expect(same(parts.train.x, train.x)).toBe(true);
      expect(same(parts.train.y, train.y)).toBe(true);
    }
    // The knobs' corruption is part of the training points, also when built alone (the teacher's preview).
    const knobs = { ...spec, labelFlips: 0.1, outliers: 0.05, classBalance: 0.3 };
    expect(same(challengeTrainingData(knobs).x, challengeDatasets(knobs, SECRET).train.x)).toBe(true);
    expect(same(challengeTrainingData(knobs).y, challengeDatasets(knobs, SECRET).train.y)).toBe(true);
  });

  it.each(CHALLENGE_DATASET_KINDS)("draws other held-out points for another secret (%s)", (kind) => {
    const noise = kind === "cats-vs-dogs" ? 0.3 : 0.2;
    const one = challengeDatasets({ ...spec, kind, noise }, SECRET);
    const other = challengeDatasets({ ...spec, kind, noise }, OTHER_SECRET);
    const shared = (a: { x: Float64Array; n: number }, b: { x: Float64Array; n: number }) => {
      const keys = new Set(pointKeys(a));
      return pointKeys(b).filter((key) => keys.has(key)).length;
    };
    expect(shared(one.publicTest, other.publicTest)).toBe(0);
    expect(shared(one.privateTest, other.privateTest)).toBe(0);
    // Nor are the held-out points any of the training points.
    expect(shared(one.train, one.publicTest) + shared(one.train, one.privateTest)).toBe(0);
  });

  it("draws the held-out points from the training points' distribution, without the corruption", () => {
    const big = { ...spec, noise: 0.6, trainSize: 4000, publicTestSize: 2000, privateTestSize: 2000 };
    const { train, publicTest, privateTest } = challengeDatasets(big, SECRET);
    const classMeans = (data: { x: Float64Array; y: Float64Array; n: number }) =>
      [0, 1].flatMap((label) => {
        const members = Array.from({ length: data.n }, (_, i) => i).filter((i) => data.y[i] === label);
        return [0, 1].map(
          (j) => members.reduce((sum, i) => sum + (data.x[2 * i + j] as number), 0) / members.length,
        );
      });
    const expected = classMeans(train);
    for (const part of [publicTest, privateTest]) {
      const means = classMeans(part);
      // Class means of 1 000 points: standard errors are under 0.1 kg and 0.05 cm at this overlap.
      for (const [k, mean] of means.entries())
        expect(Math.abs(mean - (expected[k] as number))).toBeLessThan(0.35);
    }
  });

  it("makes the training points of blobs with noise 1 the lesson's seedBlobs points", () => {
    const train = challengeTrainingData({ ...spec, kind: "blobs", noise: 1, trainSize: 60 });
    const lesson = seedBlobs({ seed: 42, nPerClass: 30 });
    const points = new Set<string>();
    for (let i = 0; i < 60; i++) points.add(`${lesson.x[2 * i]},${lesson.x[2 * i + 1]},${lesson.y[i]}`);
    for (let i = 0; i < train.n; i++)
      expect(points.has(`${train.x[2 * i]},${train.x[2 * i + 1]},${train.y[i]}`)).toBe(true);
  });

  it("refuses a malformed held-out secret", () => {
    for (const secret of ["", "xyz", SECRET.slice(1), SECRET.toUpperCase(), `${SECRET}00`]) {
      expect(() => challengeDatasets(spec, secret)).toThrow(
        expect.objectContaining({ name: "CoreError", code: "BAD_OPTION" }),
      );
    }
  });
});

describe("challengeDatasets without a secret (challenges stored before held-out secrets)", () => {
  it("pins the first training point so browser and server can't drift apart unnoticed", () => {
    const { train, publicTest } = challengeDatasets(spec, null);
    expect([train.x[0], train.x[1], train.y[0]]).toMatchInlineSnapshot(`
      [
        4.550111534670934,
        7.7932402578892885,
        0,
      ]
    `);
    expect([publicTest.x[0], publicTest.x[1], publicTest.y[0]]).toMatchInlineSnapshot(`
      [
        5.1768463248515655,
        5.103930777636081,
        0,
      ]
    `);
  });

  it("keeps every generated point exactly once across the three parts", () => {
    const parts = challengeDatasets({ ...spec, kind: "moons", noise: 0.1 }, null);
    const key = (x: Float64Array, i: number) => `${x[2 * i]},${x[2 * i + 1]}`;
    const seen = new Set<string>();
    for (const part of [parts.train, parts.publicTest, parts.privateTest]) {
      for (let i = 0; i < part.n; i++) seen.add(key(part.x, i));
    }
    expect(seen.size).toBe(500);
  });

  it("makes blobs with noise 1 the lesson's seedBlobs points", () => {
    const parts = challengeDatasets(
      {
        ...spec,
        kind: "blobs",
        noise: 1,
        trainSize: 60,
        publicTestSize: 20,
        privateTestSize: 20,
      },
      null,
    );
    const lesson = seedBlobs({ seed: 42, nPerClass: 50 });
    const points = new Set<string>();
    for (let i = 0; i < 100; i++) points.add(`${lesson.x[2 * i]},${lesson.x[2 * i + 1]},${lesson.y[i]}`);
    for (const part of [parts.train, parts.publicTest, parts.privateTest]) {
      for (let i = 0; i < part.n; i++)
        expect(points.has(`${part.x[2 * i]},${part.x[2 * i + 1]},${part.y[i]}`)).toBe(true);
    }
  });
});

describe.each([
  ["with a held-out secret", SECRET],
  ["without a secret", null],
] as const)("challengeDatasets %s", (_layout, secret) => {
  it("stratifies: every part keeps the overall class balance to within one point", () => {
    const parts = challengeDatasets(
      { ...spec, trainSize: 101, publicTestSize: 37, privateTestSize: 63 },
      secret,
    );
    const total = 201;
    const dogs = ones(parts.train) + ones(parts.publicTest) + ones(parts.privateTest);
    for (const part of [parts.train, parts.publicTest, parts.privateTest]) {
      expect(Math.abs(ones(part) - (dogs * part.n) / total)).toBeLessThanOrEqual(1);
    }
  });

  it("shuffles: the held-out parts are not a contiguous run of the generator's output", () => {
    const { publicTest } = challengeDatasets(spec, secret);
    expect(ones(publicTest)).toBeGreaterThan(0);
    expect(ones(publicTest)).toBeLessThan(publicTest.n);
  });

  it("gives other data for another seed", () => {
    const a = challengeDatasets(spec, secret).train.x;
    const b = challengeDatasets({ ...spec, seed: 43 }, secret).train.x;
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });

  it.each([
    ["an unknown kind", { kind: "xor" }],
    ["a negative seed", { seed: -1 }],
    ["a fractional seed", { seed: 1.5 }],
    ["a zero size", { publicTestSize: 0 }],
    ["a fractional size", { trainSize: 10.5 }],
    ["too many points", { trainSize: 200_000, publicTestSize: 100_000 }],
    ["NaN noise", { noise: Number.NaN }],
    ["negative noise", { noise: -0.1 }],
    ["cats-vs-dogs noise above 1", { noise: 1.5 }],
  ])("refuses %s with a CoreError", (_label, change) => {
    const bad = { ...spec, ...change } as ChallengeDatasetSpec;
    expect(() => challengeDatasets(bad, secret)).toThrow(
      expect.objectContaining({ name: "CoreError", code: "BAD_OPTION" }),
    );
  });
});

describe("scoreSubmission", () => {
  const { train, publicTest } = challengeDatasets(spec, SECRET);

  it("is bit for bit logLoss for a raw model", () => {
    const model = { w: [0.31, 0.72], b: -9.4 };
    expect(scoreSubmission(model, null, publicTest)).toBe(logLoss(model, publicTest));
  });

  it("scores a standardised model on raw data like logLoss on the standardised data", () => {
    const scaler = fitScaler(train);
    const model = { w: [1.7, 2.1], b: 0.2 };
    const viaScaledData = logLoss(model, applyScaler(scaler, publicTest));
    expectClose(scoreSubmission(model, scaler, publicTest), viaScaledData, { rtol: 1e-12 });
    const copy = Array.from(publicTest.x);
    scoreSubmission(model, scaler, publicTest);
    expect(Array.from(publicTest.x)).toEqual(copy);
  });

  it("scores a point on the boundary as class 0, the lesson's ŷ > 0.5 rule", () => {
    // w = 0, b = 0 puts every point on the boundary (p = 0.5): all predicted cats, so 2 of 3 are right.
    const twoCatsOneDog = createDataset(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [0, 0, 1],
    );
    expect(evaluateSubmission({ w: [0, 0], b: 0 }, null, twoCatsOneDog).accuracy).toBe(2 / 3);
  });

  it("counts accuracy and confidently wrong points like predict/predictProba", () => {
    const model = { w: [-3, -2], b: 40 }; // flipped and steep
    const evaluation = evaluateSubmission(model, null, publicTest);
    expect(evaluation.accuracy).toBe(accuracy(model, publicTest));
    const p = predictProba(model, publicTest);
    let wrong = 0;
    for (let i = 0; i < publicTest.n; i++) {
      const pTrue = publicTest.y[i] === 1 ? (p[i] as number) : 1 - (p[i] as number);
      if (pTrue <= 1 - 0.99) wrong += 1;
    }
    expect(evaluation.confidentlyWrong).toBe(wrong);
    expect(wrong).toBeGreaterThan(0);
    expect(evaluation.accuracy).toBeLessThan(0.5);
  });

  it.each([
    ["a zero std", { mean: [0, 0], std: [0, 1] }],
    ["a negative std", { mean: [0, 0], std: [1, -1] }],
    ["a NaN mean", { mean: [Number.NaN, 0], std: [1, 1] }],
    ["a short std", { mean: [0, 0], std: [1] }],
  ])("refuses a standardisation with %s", (_label, standardisation) => {
    expect(() => scoreSubmission({ w: [1, 1], b: 0 }, standardisation, publicTest)).toThrow(
      expect.objectContaining({ name: "CoreError" }),
    );
  });

  it("refuses a non-finite model", () => {
    let error: unknown;
    try {
      scoreSubmission({ w: [Number.POSITIVE_INFINITY, 1], b: 0 }, null, publicTest);
    } catch (caught) {
      error = caught;
    }
    expect(isCoreError(error, "NON_FINITE")).toBe(true);
  });
});

describe("challengeDatasets knobs", () => {
  it("gives exactly the knob-free data when every knob is at its default", () => {
    const plain = challengeDatasets(spec, SECRET);
    const defaults = challengeDatasets({ ...spec, classBalance: 0.5, labelFlips: 0, outliers: 0 }, SECRET);
    for (const part of ["train", "publicTest", "privateTest"] as const) {
      expect(same(plain[part].x, defaults[part].x)).toBe(true);
      expect(same(plain[part].y, defaults[part].y)).toBe(true);
    }
  });

  it.each(CHALLENGE_DATASET_KINDS)("class balance sets the share of class 1 in every part (%s)", (kind) => {
    const parts = challengeDatasets(
      { ...spec, kind, noise: kind === "cats-vs-dogs" ? 0.3 : 0.2, classBalance: 0.2 },
      SECRET,
    );
    const total = 500;
    const all = ones(parts.train) + ones(parts.publicTest) + ones(parts.privateTest);
    expect(all).toBe(Math.round(total * 0.2));
    // The stratified split carries the imbalance into each part, to within a point.
    expect(Math.abs(ones(parts.train) - 0.2 * 200)).toBeLessThanOrEqual(1);
    expect(Math.abs(ones(parts.publicTest) - 0.2 * 150)).toBeLessThanOrEqual(1);
  });

  it("flips the requested share of training labels and leaves the points and held-out labels alone", () => {
    const clean = challengeDatasets(spec, SECRET);
    const noisy = challengeDatasets({ ...spec, labelFlips: 0.1 }, SECRET);
    expect(same(clean.train.x, noisy.train.x)).toBe(true);
    let flipped = 0;
    for (let i = 0; i < clean.train.n; i++) if (clean.train.y[i] !== noisy.train.y[i]) flipped += 1;
    expect(flipped).toBe(20);
    expect(same(clean.publicTest.y, noisy.publicTest.y)).toBe(true);
    expect(same(clean.privateTest.x, noisy.privateTest.x)).toBe(true);
  });

  it("moves the requested share of training points far from their class, keeping labels and the test parts", () => {
    const clean = challengeDatasets(spec, SECRET);
    const rough = challengeDatasets({ ...spec, outliers: 0.05 }, SECRET);
    expect(same(clean.train.y, rough.train.y)).toBe(true);
    expect(same(clean.publicTest.x, rough.publicTest.x)).toBe(true);
    const moved: number[] = [];
    for (let i = 0; i < clean.train.n; i++) {
      if (
        clean.train.x[2 * i] !== rough.train.x[2 * i] ||
        clean.train.x[2 * i + 1] !== rough.train.x[2 * i + 1]
      ) {
        moved.push(i);
      }
    }
    expect(moved).toHaveLength(10);
    // Each outlier sits far out: its standardised distance from its class centre is exactly 4.
    for (const i of moved) {
      const label = clean.train.y[i] as number;
      const members = [...Array(clean.train.n).keys()].filter((k) => clean.train.y[k] === label);
      const mean = [0, 1].map(
        (j) => members.reduce((sum, k) => sum + (clean.train.x[2 * k + j] as number), 0) / members.length,
      );
      const spread = [0, 1].map((j) =>
        Math.sqrt(
          members.reduce(
            (sum, k) => sum + ((clean.train.x[2 * k + j] as number) - (mean[j] as number)) ** 2,
            0,
          ) / members.length,
        ),
      );
      const z = [0, 1].map(
        (j) => ((rough.train.x[2 * i + j] as number) - (mean[j] as number)) / (spread[j] as number),
      );
      // Statistics are of the class after earlier outliers moved, so allow a little slack around 4.
      expect(Math.hypot(z[0] as number, z[1] as number)).toBeGreaterThan(3);
    }
  });

  it("keeps each knob's picks independent of the others", () => {
    const flipsOnly = challengeDatasets({ ...spec, labelFlips: 0.1 }, SECRET);
    const both = challengeDatasets({ ...spec, labelFlips: 0.1, outliers: 0.05 }, SECRET);
    expect(same(flipsOnly.train.y, both.train.y)).toBe(true);
  });

  it.each([
    ["classBalance", 0],
    ["classBalance", 1],
    ["labelFlips", 0.5],
    ["outliers", -0.1],
    ["outliers", Number.NaN],
  ] as const)("refuses %s = %s with a readable error", (knob, value) => {
    try {
      challengeDatasets({ ...spec, [knob]: value }, SECRET);
      expect.unreachable();
    } catch (error) {
      expect(isCoreError(error) && error.code).toBe("BAD_OPTION");
      expect((error as Error).message).toContain(knob);
      expect((error as Error).message).toContain(String(CHALLENGE_KNOBS[knob].max));
    }
  });
});

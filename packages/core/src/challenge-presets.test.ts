import { beforeAll, describe, expect, it } from "vitest";
import { challengeDatasets, challengeTrainingData } from "./challenge-data";
import { CHALLENGE_PRESETS, DEFAULT_CHALLENGE_PRESET } from "./challenge-presets";
import { simulatedSecret, simulateRace } from "./test-support/race-simulation";

// A smaller class than the README's figures (scripts/race-presets.ts): these check the claims, not the numbers.
const DRAWS = 4;
const STUDENTS = 12;
let races: Map<string, ReturnType<typeof simulateRace>[]>;
// A few seconds of gradient descent, many more on a loaded CI machine.
beforeAll(() => {
  races = new Map(
    CHALLENGE_PRESETS.map((preset) => [
      preset.id,
      Array.from({ length: DRAWS }, (_, draw) => simulateRace(preset, draw, STUDENTS)),
    ]),
  );
}, 180_000);

describe("challenge presets", () => {
  it("build valid data, and the form's default is one of them", () => {
    expect(CHALLENGE_PRESETS).toContain(DEFAULT_CHALLENGE_PRESET);
    for (const preset of CHALLENGE_PRESETS) {
      const spec = { ...preset.data, seed: 1 };
      const data = challengeDatasets(spec, simulatedSecret(1));
      expect(data.train.n).toBe(preset.data.trainSize);
      expect(data.train.x).toEqual(challengeTrainingData(spec).x);
    }
  });

  it.each(CHALLENGE_PRESETS.map((preset) => [preset.name, preset.id] as const))(
    "%s: no simulated student beats the best possible private loss",
    (_name, id) => {
      for (const race of races.get(id) ?? []) {
        expect(Math.min(...race.privateLosses)).toBeGreaterThanOrEqual(race.optimum - 1e-12);
      }
    },
  );

  it.each(CHALLENGE_PRESETS.map((preset) => [preset.name, preset.id] as const))(
    "%s: a class's private losses spread wider than the board's 4 decimals",
    (_name, id) => {
      for (const race of races.get(id) ?? []) expect(race.spread).toBeGreaterThan(0.005);
    },
  );

  it("the default's race is no tie near 0: the best possible loss is well above it", () => {
    for (const race of races.get(DEFAULT_CHALLENGE_PRESET.id) ?? []) {
      expect(race.optimum).toBeGreaterThan(0.05);
      expect(race.tiedPairs).toBeLessThan(0.5);
    }
  });

  it("in the trap, L2 or stopping early beats training to convergence on the private points", () => {
    const trap = races.get("overfit-trap") ?? [];
    expect(trap.filter((race) => race.l2Helps || race.earlyHelps).length).toBeGreaterThanOrEqual(DRAWS / 2);
  });
});

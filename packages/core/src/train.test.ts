import { describe, expect, it } from "vitest";
import { seedBlobs } from "./blobs";
import { gradients } from "./gradients";
import { logLoss, mseLoss } from "./loss";
import { expectClose } from "./test-support/close";
import { type TrainProgress, trainGD } from "./train";

const data = seedBlobs();

describe("trainGD", () => {
  it("records, after each update, the log loss of the updated model", () => {
    const result = trainGD(data, { learningRate: 0.1, iterations: 3 });
    const again = trainGD(data, { learningRate: 0.1, iterations: 1 });
    expectClose(result.lossHistory[0] as number, logLoss(again.model, data), { rtol: 1e-14 });
    expectClose(result.lossHistory[2] as number, logLoss(result.model, data), { rtol: 1e-14 });
  });

  it("takes the notebook's step w ← w − α·dw, b ← b − α·db", () => {
    const start = { w: [0.3, -0.2], b: 0.1 };
    const { dw, db } = gradients(start, data);
    const { model } = trainGD(data, { learningRate: 0.5, iterations: 1, initial: start });
    expectClose(model.w, [0.3 - 0.5 * (dw[0] as number), -0.2 - 0.5 * (dw[1] as number)], { rtol: 1e-14 });
    expectClose(model.b, 0.1 - 0.5 * db, { rtol: 1e-14 });
  });

  it("resumes exactly: 300 steps equal 100 + 200 from the intermediate model", () => {
    const whole = trainGD(data, { learningRate: 0.2, iterations: 300 });
    const first = trainGD(data, { learningRate: 0.2, iterations: 100 });
    const rest = trainGD(data, { learningRate: 0.2, iterations: 200, initial: first.model });
    expect(rest.model).toEqual(whole.model);
    expect(Array.from(rest.lossHistory)).toEqual(Array.from(whole.lossHistory.subarray(100)));
  });

  it("returns the initial model and an empty history for 0 iterations", () => {
    const initial = { w: [1, 2], b: 3 };
    expect(trainGD(data, { learningRate: 0.1, iterations: 0, initial })).toEqual({
      model: initial,
      lossHistory: new Float64Array(0),
      iterations: 0,
      cancelled: false,
    });
  });

  it("reports progress every progressEvery updates and after the last", () => {
    const seen: number[] = [];
    trainGD(data, {
      learningRate: 0.1,
      iterations: 25,
      progressEvery: 10,
      onProgress: (p) => seen.push(p.iteration),
    });
    expect(seen).toEqual([10, 20, 25]);
  });

  it("stops when its AbortSignal fires and says so", () => {
    const controller = new AbortController();
    const seen: TrainProgress[] = [];
    const result = trainGD(data, {
      learningRate: 0.1,
      iterations: 1000,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.iteration === 7) controller.abort();
      },
    });
    expect(result.cancelled).toBe(true);
    expect(result.iterations).toBe(7);
    expect(result.lossHistory.length).toBe(7);
    expect(seen.at(-1)?.model).toEqual(result.model);
  });

  it("does nothing with an already aborted signal", () => {
    const result = trainGD(data, { learningRate: 0.1, iterations: 10, signal: AbortSignal.abort() });
    expect(result).toMatchObject({ iterations: 0, cancelled: true });
  });

  it("shrinks the weights with an L2 penalty and records the penalised objective", () => {
    const plain = trainGD(data, { learningRate: 0.1, iterations: 500 });
    const penalised = trainGD(data, { learningRate: 0.1, iterations: 500, l2: 0.1 });
    const norm = (w: readonly number[]) => Math.hypot(...w);
    expect(norm(penalised.model.w)).toBeLessThan(norm(plain.model.w));
    const expected = logLoss(penalised.model, data) + 0.05 * norm(penalised.model.w) ** 2;
    expectClose(penalised.lossHistory[499] as number, expected, { rtol: 1e-12 });
  });

  it("descends the MSE loss when asked to", () => {
    const result = trainGD(data, { learningRate: 0.5, iterations: 200, loss: "mse" });
    expectClose(result.lossHistory[199] as number, mseLoss(result.model, data), { rtol: 1e-12 });
    expect(result.lossHistory[199]).toBeLessThan(mseLoss({ w: [0, 0], b: 0 }, data));
  });

  it("handles any number of features", () => {
    const wide = { ...data, x: new Float64Array(data.n * 3), d: 3, featureNames: ["a", "b", "c"] };
    for (let i = 0; i < data.n; i++) {
      wide.x[3 * i] = data.x[2 * i] as number;
      wide.x[3 * i + 1] = data.x[2 * i + 1] as number;
    }
    const narrow = trainGD(data, { learningRate: 0.1, iterations: 50 });
    const result = trainGD(wide, { learningRate: 0.1, iterations: 50 });
    expectClose(result.model.w.slice(0, 2), narrow.model.w, { rtol: 1e-12 });
    expect(result.model.w[2]).toBe(0);
  });

  it("leaves the dataset and the initial model unchanged", () => {
    const x = data.x.slice();
    const initial = { w: [0.1, 0.2], b: 0 };
    trainGD(data, { learningRate: 0.1, iterations: 10, initial });
    expect(data.x).toEqual(x);
    expect(initial).toEqual({ w: [0.1, 0.2], b: 0 });
  });
});

import { describe, expect, it } from "vitest";
import ref from "./__fixtures__/seed_notebook.json" with { type: "json" };
import { seedBlobs } from "./blobs";
import { accuracy } from "./metrics";
import { expectClose } from "./test-support/close";
import { trainGD } from "./train";

// seed_notebook.json: the lesson's notebook run by numpy 1.24 / scikit-learn 1.2.
describe("the lesson's notebook", () => {
  const data = seedBlobs();

  it("generates the notebook's X and y from np.random.seed(0)", () => {
    expect(data.n).toBe(100);
    expect(data.d).toBe(2);
    expectClose(data.x, ref.X.flat(), { rtol: 0, atol: 1e-12 });
    expect(Array.from(data.y)).toEqual(ref.y);
  });

  it("generates the notebook's X bit for bit (numpy's MT19937 + polar Gaussians)", () => {
    expect(Array.from(data.x)).toEqual(ref.X.flat());
  });

  it("reproduces w, b and the loss history of 1000 steps at learning rate 0.1", () => {
    const result = trainGD(data, { learningRate: ref.learning_rate, iterations: ref.iterations });
    expect(result.iterations).toBe(1000);
    expect(result.cancelled).toBe(false);
    expect(result.lossHistory.length).toBe(1000);
    expectClose(result.model.w, ref.w, { rtol: 1e-9 });
    expectClose(result.model.b, ref.b, { rtol: 1e-9 });
    expectClose(result.lossHistory[999] as number, ref.final_loss, { rtol: 1e-9 });
    for (const [step, expected] of Object.entries(ref.loss_history_at)) {
      expectClose(result.lossHistory[Number(step) - 1] as number, expected, { rtol: 1e-9 });
    }
  });

  it("classifies every training point correctly after training", () => {
    const { model } = trainGD(data, { learningRate: 0.1, iterations: 1000 });
    expect(accuracy(model, data)).toBe(ref.accuracy);
  });
});

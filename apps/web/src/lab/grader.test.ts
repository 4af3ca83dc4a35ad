import { describe, expect, it } from "vitest";
import { buildPlan, grade, referenceRun, simulateTraining, type Verdict } from "./grader";
import { compileStudentCode, runCalls } from "./sandbox-runtime";
import { CORRECT_SOLUTION, mutate } from "./test-fixtures";
import { prepareCode } from "./transpile";

function gradeCode(code: string, seed = 42): Verdict {
  const plan = buildPlan(seed);
  const outputs = runCalls(compileStudentCode(code), plan.calls);
  return grade(plan, outputs);
}

function failing(verdict: Verdict) {
  return verdict.checks.filter((check) => !check.passed);
}

describe("the lab grader", () => {
  it("accepts a correct implementation on several random seeds", () => {
    for (const seed of [1, 2, 3]) {
      const verdict = gradeCode(CORRECT_SOLUTION, seed);
      expect(failing(verdict)).toEqual([]);
      expect(verdict.passed).toBe(true);
      expect(verdict.run?.losses).toHaveLength(1000);
    }
  });

  it("the reference run is the notebook's (w ≈ [2.2233, 1.8234], b ≈ −0.3127, loss ≈ 0.0073)", () => {
    const ref = referenceRun();
    expect(Math.abs(ref.w[0] - 2.2233)).toBeLessThan(1e-4);
    expect(Math.abs(ref.w[1] - 1.8234)).toBeLessThan(1e-4);
    expect(Math.abs(ref.b + 0.3127)).toBeLessThan(1e-4);
    expect(Math.abs((ref.losses.at(-1) ?? 0) - 0.0073)).toBeLessThan(1e-4);
    const simulated = simulateTraining("none");
    expect(Math.abs((simulated.w[0] ?? 0) - ref.w[0])).toBeLessThan(1e-9);
    expect(Math.abs(simulated.b - ref.b)).toBeLessThan(1e-9);
  });

  it("accepts TypeScript with annotations once the types are stripped", () => {
    const ts = mutate(CORRECT_SOLUTION, "function sigmoid(z) {", "function sigmoid(z: number): number {");
    const prepared = prepareCode(ts, "typescript");
    expect(prepared.ok).toBe(true);
    if (prepared.ok) expect(gradeCode(prepared.code).passed).toBe(true);
  });

  it("rejects a sign error in the gradient", () => {
    const verdict = gradeCode(
      mutate(CORRECT_SOLUTION, "const r = yPred[i] - y[i];", "const r = y[i] - yPred[i];"),
    );
    const ids = failing(verdict).map((check) => check.id);
    expect(ids).toEqual(["gradients", "train"]);
    expect(failing(verdict)[0]?.hint).toMatch(/opposite sign/);
    expect(failing(verdict)[1]?.hint).toMatch(/uphill/);
  });

  it("rejects forgetting 1/N", () => {
    const verdict = gradeCode(
      mutate(
        CORRECT_SOLUTION,
        "return { dw: dw.map((v) => (1 / N) * v), db: (1 / N) * db };",
        "return { dw, db };",
      ),
    );
    expect(failing(verdict).map((check) => check.id)).toEqual(["gradients", "train"]);
    expect(failing(verdict)[0]?.hint).toMatch(/N = 6 times too big/);
    expect(failing(verdict)[1]?.hint).toMatch(/no 1\/N/);
  });

  it("rejects a log loss without the clip", () => {
    const verdict = gradeCode(
      mutate(
        CORRECT_SOLUTION,
        "const p = Math.min(Math.max(yPred[i], eps), 1 - eps);",
        "const p = yPred[i];",
      ),
    );
    const [clip] = failing(verdict);
    expect(failing(verdict).map((check) => check.id)).toEqual(["log-loss-clip"]);
    expect(clip?.expected).toMatch(/^≈ 34\.5/);
    expect(clip?.got).toBe("Infinity");
    expect(clip?.hint).toMatch(/ε = 1e-15/);
  });

  it("rejects a sigmoid that overflows for large negative z", () => {
    const verdict = gradeCode(
      mutate(
        CORRECT_SOLUTION,
        "return 1 / (1 + Math.exp(-z));",
        "return 1 - Math.exp(-z) / (1 + Math.exp(-z));",
      ),
    );
    const [saturation] = failing(verdict);
    expect(saturation?.id).toBe("sigmoid-saturation");
    expect(saturation?.message).toBe("sigmoid(-800) should saturate at 0.");
    expect(saturation?.got).toBe("NaN");
    expect(saturation?.hint).toMatch(/overflows to Infinity/);
  });

  it("rejects the mirrored sigmoid e^z / (1 + e^z), NaN for large positive z", () => {
    const verdict = gradeCode(
      mutate(CORRECT_SOLUTION, "return 1 / (1 + Math.exp(-z));", "return Math.exp(z) / (1 + Math.exp(z));"),
    );
    expect(failing(verdict)[0]?.message).toBe("sigmoid(800) should saturate at 1.");
  });

  it("rejects updating w before computing db", () => {
    const verdict = gradeCode(
      mutate(
        CORRECT_SOLUTION,
        `const { dw, db } = computeGradients(X, y, yPred);
    w = [w[0] - lr * dw[0], w[1] - lr * dw[1]];
    b -= lr * db;`,
        `const { dw } = computeGradients(X, y, yPred);
    w = [w[0] - lr * dw[0], w[1] - lr * dw[1]];
    const { db } = computeGradients(X, y, predictProba(X, w, b));
    b -= lr * db;`,
      ),
    );
    const [train] = failing(verdict);
    expect(failing(verdict).map((check) => check.id)).toEqual(["train"]);
    expect(train?.message).toMatch(/not by the notebook's route/);
    expect(train?.hint).toMatch(/updates w before working out db/);
    expect(train?.expected).toBe("w ≈ [2.2233, 1.8234], b ≈ -0.3127, loss ≈ 0.0073");
  });

  it("says so when losses are recorded before the update", () => {
    const code = mutate(
      mutate(
        CORRECT_SOLUTION,
        "const yPred = predictProba(X, w, b);",
        "const yPred = predictProba(X, w, b);\n    losses.push(logLoss(y, yPred));",
      ),
      "losses.push(logLoss(y, predictProba(X, w, b)));",
      "",
    );
    expect(failing(gradeCode(code))[0]?.hint).toMatch(/one step behind/);
  });

  it("explains a missing function and a thrown error without failing the other checks", () => {
    const verdict = gradeCode(CORRECT_SOLUTION.replace("function logLoss", "function log_loss"));
    const logLoss = verdict.checks.find((check) => check.id === "log-loss");
    expect(logLoss?.passed).toBe(false);
    expect(logLoss?.hint).toMatch(/Define a function called logLoss/);
    expect(verdict.checks.find((check) => check.id === "gradients")?.passed).toBe(true);
  });

  it("rejects the starter code with expected-versus-got messages, never the solution", () => {
    const verdict = gradeCode(
      "function sigmoid(z) { return 0; }\nfunction predictProba(X) { return X.map(() => 0); }",
    );
    expect(verdict.passed).toBe(false);
    const zero = verdict.checks[0];
    expect(zero).toMatchObject({ id: "sigmoid-zero", expected: "0.5", got: "0" });
    for (const check of verdict.checks)
      expect(check.hint ?? "").not.toMatch(/Math\.exp\(-z\)|Math\.min\(Math\.max/);
  });
});

describe("preparing code", () => {
  it("refuses import and export", () => {
    expect(prepareCode('import x from "y";', "javascript").ok).toBe(false);
    expect(prepareCode("const m = import('https://evil.test');", "javascript").ok).toBe(false);
    expect(prepareCode("export function sigmoid(z) { return z; }", "typescript").ok).toBe(false);
  });

  it("reports a TypeScript syntax error", () => {
    const result = prepareCode("function (", "typescript");
    expect(result.ok).toBe(false);
  });
});

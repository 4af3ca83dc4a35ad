// Throughput of trainGD in point-iterations per second (N points × iterations / seconds), d = 2,
// against the notebook's numpy loop on the same data when a python3 with numpy is available.
// A benchmark, not a test: numbers depend on the machine. Run: pnpm --filter @margin/core bench
import { spawnSync } from "node:child_process";
import { seedBlobs, trainGD } from "../src/index";

const SIZES = [100, 10_000, 1_000_000];
const TARGET_SECONDS = 1;
const LEARNING_RATE = 0.1;

// The notebook's loop verbatim (plain sigmoid, clip 1e-15, loss recorded after each update), on
// the data seedBlobs() produces: np.random.seed(0), randn(m, 2) − 2 then randn(m, 2) + 2.
const NUMPY_SCRIPT = `
import json, sys, time
import numpy as np
def sigmoid(z): return 1 / (1 + np.exp(-z))
out = {"numpy": np.__version__, "runs": []}
for n, iterations in json.loads(sys.argv[1]):
    np.random.seed(0); m = n // 2
    X = np.vstack([np.random.randn(m, 2) + [-2, -2], np.random.randn(m, 2) + [2, 2]])
    y = np.array([0] * m + [1] * m)
    w = np.zeros(2); b = 0.0; loss_history = []
    start = time.perf_counter()
    for _ in range(iterations):
        y_pred = sigmoid(X @ w + b)
        dw = (1 / n) * X.T @ (y_pred - y); db = (1 / n) * np.sum(y_pred - y)
        w -= ${LEARNING_RATE} * dw; b -= ${LEARNING_RATE} * db
        p = np.clip(sigmoid(X @ w + b), 1e-15, 1 - 1e-15)
        loss_history.append(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    seconds = time.perf_counter() - start
    out["runs"].append({"n": n, "iterations": iterations, "seconds": seconds, "w": w.tolist(), "b": b,
                        "loss": loss_history[-1]})
print(json.dumps(out))
`;

interface NumpyRun {
  n: number;
  iterations: number;
  seconds: number;
  w: number[];
  b: number;
  loss: number;
}

function findPython(): string | null {
  // The issue names Debian's /usr/bin/python3 (python3-numpy); fall back to whatever python3 is on PATH.
  for (const candidate of ["/usr/bin/python3", "python3"]) {
    const probe = spawnSync(candidate, ["-c", "import numpy"], { stdio: "ignore" });
    if (probe.status === 0) return candidate;
  }
  return null;
}

function timeJs(n: number): { rate: number; iterations: number } {
  const data = seedBlobs({ nPerClass: n / 2 });
  // Warm up the JIT, then size the run to about TARGET_SECONDS; report the best of three.
  const probeIterations = Math.max(1, Math.round(2e6 / n));
  let start = performance.now();
  trainGD(data, { learningRate: LEARNING_RATE, iterations: probeIterations });
  const probeRate = (n * probeIterations) / ((performance.now() - start) / 1000);
  const iterations = Math.min(1_000_000, Math.max(3, Math.round((TARGET_SECONDS * probeRate) / n)));
  let best = 0;
  for (let run = 0; run < 3; run++) {
    start = performance.now();
    trainGD(data, { learningRate: LEARNING_RATE, iterations });
    best = Math.max(best, (n * iterations) / ((performance.now() - start) / 1000));
  }
  return { rate: best, iterations };
}

function formatRate(rate: number): string {
  return `${(rate / 1e6).toFixed(1).padStart(7)} M/s`;
}

const python = findPython();
console.log(`trainGD, d = 2, learning rate ${LEARNING_RATE}; node ${process.version}; one thread`);
const js = SIZES.map((n) => ({ n, ...timeJs(n) }));

let numpy: { version: string; runs: NumpyRun[] } | null = null;
if (python === null) {
  console.log("numpy comparison skipped: no python3 with numpy (/usr/bin/python3 or PATH)");
} else {
  // numpy pays ~20 µs per call at small N: fewer iterations keep its run near TARGET_SECONDS.
  const plan = SIZES.map((n) => [n, Math.max(5, Math.round(5e6 / n / (n < 1000 ? 25 : 1)))]);
  const result = spawnSync(python, ["-c", NUMPY_SCRIPT, JSON.stringify(plan)], { encoding: "utf8" });
  if (result.status !== 0) {
    console.log(`numpy comparison failed:\n${result.stderr}`);
  } else {
    const parsed = JSON.parse(result.stdout) as { numpy: string; runs: NumpyRun[] };
    numpy = { version: parsed.numpy, runs: parsed.runs };
    console.log(`numpy ${parsed.numpy} via ${python}`);
  }
}

console.log("\n        N   JS trainGD     numpy loop    JS/numpy   max rel. diff of (w, b, loss)");
for (const { n, rate } of js) {
  const run = numpy?.runs.find((r) => r.n === n);
  if (run === undefined) {
    console.log(`${String(n).padStart(9)}  ${formatRate(rate)}`);
    continue;
  }
  const numpyRate = (run.n * run.iterations) / run.seconds;
  // Same data, same number of steps: the two must agree, or the comparison is meaningless.
  const check = trainGD(seedBlobs({ nPerClass: n / 2 }), {
    learningRate: LEARNING_RATE,
    iterations: run.iterations,
  });
  const ours = [...check.model.w, check.model.b, check.lossHistory[run.iterations - 1] as number];
  const theirs = [...run.w, run.b, run.loss];
  const diff = Math.max(
    ...ours.map((v, k) => Math.abs(v - (theirs[k] as number)) / Math.abs(theirs[k] as number)),
  );
  console.log(
    `${String(n).padStart(9)}  ${formatRate(rate)}  ${formatRate(numpyRate)}  ${(rate / numpyRate).toFixed(1).padStart(7)}×   ${diff.toExponential(1)}`,
  );
}
console.log("\nTargets (issue 3): ≥ 10× numpy at N = 100, ≥ 1× numpy at N = 1 000 000.");

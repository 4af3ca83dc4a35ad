// What feature crosses cost where they run hot: the server scoring every boundary update (3 passes per
// update: public, private and a training sample) and the dashboards tracing every student's curve per
// batch. CPU time of this thread, best of three. A benchmark, not a test: numbers depend on the machine.
// Run: pnpm --filter @margin/core bench
import { boundaryPaths, challengeDatasets, evaluateSubmission, type FeatureName } from "../src/index";

const TARGET_MS = 500;

/** This thread's CPU time in ms: steadier than the wall clock on a machine shared with other work. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Best of three runs of `run` repeated for about TARGET_MS of CPU: microseconds per call. */
function microsPerCall(run: () => void): number {
  let calls = 1;
  for (;;) {
    const start = cpuMs();
    for (let k = 0; k < calls; k++) run();
    if (cpuMs() - start > 50) break;
    calls *= 2;
  }
  const best = [0, 1, 2].map(() => {
    const repeats = Math.max(1, Math.round((calls * TARGET_MS) / 50));
    const start = cpuMs();
    for (let k = 0; k < repeats; k++) run();
    return ((cpuMs() - start) * 1000) / repeats;
  });
  return Math.min(...best);
}

const rings = challengeDatasets(
  {
    kind: "circles",
    seed: 1,
    noise: 0.1,
    trainSize: 100,
    publicTestSize: 2500,
    privateTestSize: 2500,
  },
  "5e".repeat(32),
);
const models: { label: string; model: { w: number[]; b: number; features?: FeatureName[] } }[] = [
  { label: "x₁, x₂ (no features sent)", model: { w: [0.3, -0.2], b: 0.1 } },
  {
    label: "x₁, x₂, x₁², x₂²",
    model: { w: [0.1, 0.1, -4, -4], b: 2.2, features: ["x1", "x2", "x1^2", "x2^2"] },
  },
  {
    label: "all five",
    model: { w: [0.1, 0.1, -4, -4, 0.3], b: 2.2, features: ["x1", "x2", "x1^2", "x2^2", "x1x2"] },
  },
];

console.log(`Scoring one update on ${rings.publicTest.n} held-out points (evaluateSubmission):`);
console.log("| model | µs per pass |");
console.log("| --- | ---: |");
for (const { label, model } of models) {
  const micros = microsPerCall(() => evaluateSubmission(model, null, rings.publicTest));
  console.log(`| ${label} | ${micros.toFixed(1)} |`);
}

const box = { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 };
console.log("\nTracing one boundary in the chart's box (boundaryPaths, default resolution):");
console.log("| boundary | µs per student | ms per batch of 60 |");
console.log("| --- | ---: | ---: |");
for (const [label, model] of [
  ["straight (exact segment)", { w: [0.3, -0.2], b: 0.1, features: ["x1", "x2"] as FeatureName[] }],
  ["circle (marching squares)", models[1]?.model as { w: number[]; b: number; features: FeatureName[] }],
  ["hyperbola (two branches)", { w: [1], b: -0.3, features: ["x1x2"] as FeatureName[] }],
] as const) {
  const micros = microsPerCall(() => boundaryPaths(model, box));
  console.log(`| ${label} | ${micros.toFixed(1)} | ${((micros * 60) / 1000).toFixed(2)} |`);
}

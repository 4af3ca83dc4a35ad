/**
 * Simulates a class racing on each preset over several held-out draws and prints the figures the README
 * quotes: how far the class's private losses spread, how often the private board reorders the public
 * one, and whether L2 or early stopping beats training to convergence.
 *   pnpm --filter @margin/core race [draws=40] [students=20]
 */
import { CHALLENGE_PRESETS, type ChallengePreset } from "../src/challenge-presets";
import { simulateRace } from "../src/test-support/race-simulation";

const draws = Number(process.argv[2] ?? 40);
const students = Number(process.argv[3] ?? 20);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2
    ? (sorted[Math.floor(mid)] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const share = (flags: boolean[]) => `${Math.round((100 * flags.filter(Boolean).length) / flags.length)} %`;
const loss = (value: number) => value.toFixed(3);

console.log(`${draws} held-out draws per preset, a class of ${students} students each\n`);
console.log(
  "| preset | best possible (private) | class's private losses: median [best – worst] | spread | tied pairs | pairs reordered (mean) | winner changes | L2 beats convergence | early stop beats convergence |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
/** The form's defaults before the presets, for comparison: the race that ended in a tie near 0. */
const BEFORE: ChallengePreset = {
  id: "warm-up",
  name: "(before: the old form defaults)",
  description: "",
  data: {
    kind: "cats-vs-dogs",
    noise: 0.4,
    classBalance: 0.5,
    labelFlips: 0,
    outliers: 0,
    trainSize: 200,
    publicTestSize: 200,
    privateTestSize: 200,
  },
  controls: ["learningRate", "iterations", "standardise"],
};

for (const preset of [BEFORE, ...CHALLENGE_PRESETS]) {
  const races = Array.from({ length: draws }, (_, draw) => simulateRace(preset, draw, students));
  const all = races.flatMap((race) => race.privateLosses);
  const best = races.map((race) => Math.min(...race.privateLosses));
  const worst = races.map((race) => Math.max(...race.privateLosses));
  console.log(
    `| ${preset.name} | ${loss(median(races.map((race) => race.optimum)))} | ${loss(median(all))} [${loss(median(best))} – ${loss(median(worst))}] | ${loss(median(races.map((race) => race.spread)))} | ${Math.round(100 * median(races.map((race) => race.tiedPairs)))} % | ${Math.round(100 * mean(races.map((race) => race.discordant)))} % | ${share(races.map((race) => race.winnerChanged))} | ${share(races.map((race) => race.l2Helps))} | ${share(races.map((race) => race.earlyHelps))} |`,
  );
}

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
/** The form's defaults before the presets, for comparison: the warm-up's race at overlap 0.40, a tie near 0. */
const warmUp = CHALLENGE_PRESETS[0] as ChallengePreset;
const BEFORE: ChallengePreset = {
  ...warmUp,
  name: "(before: the old form defaults)",
  data: { ...warmUp.data, noise: 0.4 },
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

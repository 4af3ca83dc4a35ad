export const formatLoss = (loss: number) => (Number.isFinite(loss) ? loss.toFixed(4) : "—");
export const formatNumber = (value: number, digits = 3) => value.toFixed(digits);
export const formatPercent = (value: number) => `${Math.round(value * 100)}%`;

/** The boundary as an equation a student can read aloud. */
export function describeModel(w: readonly number[], b: number): string {
  const [w1 = 0, w2 = 0] = w;
  return `${formatNumber(w1)}·x₁ + ${formatNumber(w2)}·x₂ ${b < 0 ? "−" : "+"} ${formatNumber(Math.abs(b))} = 0`;
}

/** Distinct, colour-blind-aware hues for boundaries on the projector. */
export const BOUNDARY_COLORS = [
  "#4338ca",
  "#2b8a3e",
  "#c2255c",
  "#0b7285",
  "#862e9c",
  "#e67700",
  "#364fc7",
  "#5c940d",
  "#a61e4d",
  "#1098ad",
  "#6741d9",
  "#d9480f",
];

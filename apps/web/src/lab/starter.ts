import type { LabLanguage } from "@margin/db";

const JS = `// Logistic regression from scratch — the notebook's functions, in JavaScript.
// X is an array of rows ([[x1, x2], …]), y an array of 0/1 labels, w an array of weights, b a number.

function sigmoid(z) {
  // σ(z) = 1 / (1 + e^(−z)); must not return NaN for z = ±800 or ±Infinity
  return 0;
}

function predictProba(X, w, b) {
  // one probability σ(w·x + b) per row of X
  return X.map((row) => 0);
}

function logLoss(y, yPred) {
  // mean binary cross-entropy; clip yPred to [1e-15, 1 − 1e-15] first
  const eps = 1e-15;
  return 0;
}

function computeGradients(X, y, yPred) {
  // dw = (1/N) Xᵀ(ŷ − y), db = (1/N) Σ(ŷ − y)
  return { dw: [0, 0], db: 0 };
}

function train(X, y, lr, iterations) {
  let w = [0, 0];
  let b = 0;
  const losses = [];
  for (let i = 0; i < iterations; i++) {
    // predict, compute gradients, update w and b, then record the new loss
  }
  return { w, b, losses };
}
`;

const TS = `// Logistic regression from scratch — the notebook's functions, in TypeScript.
// Type annotations are stripped before your code runs; they are not checked.

function sigmoid(z: number): number {
  // σ(z) = 1 / (1 + e^(−z)); must not return NaN for z = ±800 or ±Infinity
  return 0;
}

function predictProba(X: number[][], w: number[], b: number): number[] {
  // one probability σ(w·x + b) per row of X
  return X.map((row) => 0);
}

function logLoss(y: number[], yPred: number[]): number {
  // mean binary cross-entropy; clip yPred to [1e-15, 1 − 1e-15] first
  const eps = 1e-15;
  return 0;
}

function computeGradients(X: number[][], y: number[], yPred: number[]): { dw: number[]; db: number } {
  // dw = (1/N) Xᵀ(ŷ − y), db = (1/N) Σ(ŷ − y)
  return { dw: [0, 0], db: 0 };
}

function train(X: number[][], y: number[], lr: number, iterations: number) {
  let w: number[] = [0, 0];
  let b = 0;
  const losses: number[] = [];
  for (let i = 0; i < iterations; i++) {
    // predict, compute gradients, update w and b, then record the new loss
  }
  return { w, b, losses };
}
`;

export function starterCode(language: LabLanguage): string {
  return language === "typescript" ? TS : JS;
}

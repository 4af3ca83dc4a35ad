/** A correct coding-lab solution and a typical mistake, shared by the lab and progress specs. */
export const CORRECT = `function sigmoid(z) {
  return 1 / (1 + Math.exp(-z));
}
function predictProba(X, w, b) {
  return X.map((row) => sigmoid(row[0] * w[0] + row[1] * w[1] + b));
}
function logLoss(y, yPred) {
  const eps = 1e-15;
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const p = Math.min(Math.max(yPred[i], eps), 1 - eps);
    sum += y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
  }
  return -sum / y.length;
}
function computeGradients(X, y, yPred) {
  const N = y.length;
  const dw = [0, 0];
  let db = 0;
  for (let i = 0; i < N; i++) {
    const r = yPred[i] - y[i];
    dw[0] += r * X[i][0];
    dw[1] += r * X[i][1];
    db += r;
  }
  return { dw: [dw[0] / N, dw[1] / N], db: db / N };
}
function train(X, y, lr, iterations) {
  let w = [0, 0];
  let b = 0;
  const losses = [];
  for (let i = 0; i < iterations; i++) {
    const yPred = predictProba(X, w, b);
    const { dw, db } = computeGradients(X, y, yPred);
    w = [w[0] - lr * dw[0], w[1] - lr * dw[1]];
    b -= lr * db;
    losses.push(logLoss(y, predictProba(X, w, b)));
  }
  return { w, b, losses };
}
`;

export const SIGN_ERROR = CORRECT.replace("const r = yPred[i] - y[i];", "const r = y[i] - yPred[i];");

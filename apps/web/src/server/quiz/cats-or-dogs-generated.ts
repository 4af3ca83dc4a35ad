import { sigmoid } from "@margin/core";
import { awayFromZero, drawUntil, farFromGuesses, num, onGrid, pick } from "./draw";
import type { GeneratedQuestion } from "./types";

/**
 * The questions every student gets with their own numbers: a classmate's answer is no use, and a blind
 * guess essentially never lands within the tolerance. Every objective has at least two, so a student
 * who missed the shared questions at the first try can still show mastery on fresh versions.
 * Answers are kept away from values a guesser would try first (0, 0.5, ln 2, ±1).
 */
export const catsOrDogsGeneratedQuestions: readonly GeneratedQuestion[] = [
  // Objective: write the sigmoid formula and sketch its graph.
  {
    id: "sigmoid-of-z",
    objectiveId: "sigmoid",
    title: "σ(z) for your own z",
    kind: "generated",
    generate(random) {
      const z = awayFromZero(random, 0.5, 4.5, 0.1);
      const p = sigmoid(z);
      const e = Math.exp(-z);
      return {
        prompt: `What is $\\sigma(z)$ for $z = ${num(z)}$? Give 4 decimal places.`,
        tex: "\\sigma(z) = \\frac{1}{1 + e^{-z}}",
        answer: p,
        tolerance: 0.0006,
        hint: "Work out $e^{-z}$ first, add 1, then take the reciprocal. A positive $z$ gives more than 0.5, a negative one less.",
        explanation: `$\\sigma(${num(z)}) = \\dfrac{1}{1 + e^{${num(-z)}}} = \\dfrac{1}{1 + ${num(e, 4)}} \\approx ${p.toFixed(4)}$: ${z > 0 ? "a positive score, so above 0.5 (class 1)" : "a negative score, so below 0.5 (class 0)"}.`,
      };
    },
  },
  {
    id: "confidence-percent",
    objectiveId: "sigmoid",
    title: "Reading ŷ as a confidence",
    kind: "generated",
    generate(random) {
      const p = drawUntil(
        () => onGrid(random, 0.02, 0.98, 0.01),
        (value) => value !== 0.5,
      );
      const dog = random.interval(1) === 1;
      const answer = dog ? 100 * p : 100 * (1 - p);
      return {
        prompt: `A model outputs $\\hat{y} = ${num(p)}$ for a photo. In percent, how confident is it that the photo shows a ${dog ? "dog (class 1)" : "cat (class 0)"}?`,
        answer,
        tolerance: 0.5,
        hint: "$\\hat{y}$ is the probability of class 1 (a dog); the probability of class 0 (a cat) is what is left, $1 - \\hat{y}$.",
        explanation: `$\\hat{y} = ${num(p)}$ means ${num(100 * p, 0)}% confident it's a dog (class 1), so ${num(100 * (1 - p), 0)}% confident it's a cat (class 0), just as the lesson's $\\hat{y} = 0.03$ means 97% confident class 0.`,
      };
    },
  },
  // Objective: explain why MSE breaks for classification.
  {
    id: "mse-vanishing-factor",
    objectiveId: "mse-fails",
    title: "σ′(z) when confidently wrong",
    kind: "generated",
    generate(random) {
      const z = -onGrid(random, 3, 6, 0.1);
      const p = sigmoid(z);
      const factor = p * (1 - p);
      return {
        prompt: `A dog ($y = 1$) gets the score $z = ${num(z)}$: the model is confidently wrong. MSE's gradient carries the factor $\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))$. What is it here? Give 3 significant figures.`,
        answer: factor,
        tolerance: 0.005 * factor,
        hint: "First $\\sigma(z)$, which is small for a negative score, then multiply it by $1 - \\sigma(z)$.",
        explanation: `$\\sigma(${num(z)}) \\approx ${p.toPrecision(3)}$, so $\\sigma'(${num(z)}) \\approx ${factor.toPrecision(3)}$: MSE's gradient is about ${Math.round(1 / factor)} times smaller than it would be without that factor, so gradient descent barely moves although the model is badly wrong. Log loss's gradient for this dog is just $\\hat{y} - y \\approx ${(p - 1).toFixed(3)}$.`,
      };
    },
  },
  {
    id: "mse-of-three",
    objectiveId: "mse-fails",
    title: "MSE of three predictions",
    kind: "generated",
    generate(random) {
      const labels = drawUntil(
        () => [random.interval(1), random.interval(1), random.interval(1)],
        (ys) => ys.some((y) => y === 1) && ys.some((y) => y === 0),
      );
      const mseOf = (predictions: number[]) =>
        predictions.reduce((sum, p, i) => sum + (p - (labels[i] as number)) ** 2, 0) / 3;
      const predictions = drawUntil(
        () => labels.map(() => onGrid(random, 0.05, 0.95, 0.01)),
        (candidate) => farFromGuesses(mseOf(candidate), 0.01),
      );
      const mse = mseOf(predictions);
      return {
        prompt: `Three animals have labels $y = [${labels.join(", ")}]$ and the model predicts $\\hat{y} = [${predictions.map((p) => num(p)).join(", ")}]$. What is their mean squared error? Give 4 decimal places.`,
        tex: "J = \\frac{1}{N} \\sum_{i=1}^{N} (\\hat{y}_i - y_i)^2",
        answer: mse,
        tolerance: 0.0002,
        hint: "Square each difference $\\hat{y}_i - y_i$, add the three squares, divide by 3.",
        explanation: `$\\frac{1}{3}\\left[${predictions.map((p, i) => `(${num(p)} - ${labels[i]})^2`).join(" + ")}\\right] \\approx ${mse.toFixed(4)}$. It is a fine number to compute; the trouble is its shape through the sigmoid: not convex, and nearly flat where the model is confidently wrong.`,
      };
    },
  },
  // Objective: write the log loss formula and explain each piece.
  {
    id: "example-log-loss",
    objectiveId: "log-loss",
    title: "Log loss of one example",
    kind: "generated",
    generate(random) {
      const y = random.interval(1);
      const p = drawUntil(
        () => onGrid(random, 0.02, 0.98, 0.01),
        (value) => value !== 0.5,
      );
      const loss = y === 1 ? -Math.log(p) : -Math.log(1 - p);
      const wrongSide = y === 1 ? p < 0.5 : p > 0.5;
      return {
        prompt: `The true label is $y = ${y}$ and the model predicts $\\hat{y} = ${num(p)}$. What is this example's log loss (natural log)? Give 3 decimal places.`,
        tex: "L(\\hat{y}, y) = -\\bigl[\\,y \\log \\hat{y} + (1 - y) \\log(1 - \\hat{y})\\,\\bigr]",
        answer: loss,
        tolerance: 0.0015,
        hint: `With $y = ${y}$ only one of the two terms survives: ${y === 1 ? "the $y \\log \\hat{y}$ one" : "the $(1 - y) \\log(1 - \\hat{y})$ one"}.`,
        explanation: `For $y = ${y}$ the loss is ${y === 1 ? `$-\\log ${num(p)}$` : `$-\\log(1 - ${num(p)}) = -\\log ${num(1 - p)}$`} $\\approx ${loss.toFixed(3)}$${wrongSide ? ": on the wrong side of 0.5, so it costs more than a shrug's 0.69." : "."}`,
      };
    },
  },
  {
    id: "mean-log-loss",
    objectiveId: "log-loss",
    title: "Log loss of two examples",
    kind: "generated",
    generate(random) {
      const draw = () => ({ dog: onGrid(random, 0.05, 0.95, 0.01), cat: onGrid(random, 0.05, 0.95, 0.01) });
      const cost = ({ dog, cat }: { dog: number; cat: number }) => -(Math.log(dog) + Math.log(1 - cat)) / 2;
      // Keep well away from guesses such as ln 2 ≈ 0.693, the loss of a model that always says 0.5.
      const pair = drawUntil(draw, (candidate) => farFromGuesses(cost(candidate), 0.02));
      const dogFirst = random.interval(1) === 1;
      const rows = dogFirst
        ? [
            `a dog ($y = 1$) with $\\hat{y} = ${num(pair.dog)}$`,
            `a cat ($y = 0$) with $\\hat{y} = ${num(pair.cat)}$`,
          ]
        : [
            `a cat ($y = 0$) with $\\hat{y} = ${num(pair.cat)}$`,
            `a dog ($y = 1$) with $\\hat{y} = ${num(pair.dog)}$`,
          ];
      const J = cost(pair);
      return {
        prompt: `The data set is two animals: ${rows.join(" and ")}. What is the log loss $J$ over the data set? Give 3 decimal places.`,
        tex: "J = -\\frac{1}{N} \\sum_{i=1}^{N} \\bigl[\\,y_i \\log \\hat{y}_i + (1 - y_i) \\log(1 - \\hat{y}_i)\\,\\bigr]",
        answer: J,
        tolerance: 0.0015,
        hint: "Each animal's loss is $-\\log$ of the probability the model gave its true class ($\\hat{y}$ for the dog, $1 - \\hat{y}$ for the cat); $J$ is their mean.",
        explanation: `$J = -\\tfrac{1}{2}\\bigl[\\log ${num(pair.dog)} + \\log(1 - ${num(pair.cat)})\\bigr] \\approx ${J.toFixed(3)}$.`,
      };
    },
  },
  // Objective: implement logistic regression in numpy from scratch.
  {
    id: "first-update-bias",
    objectiveId: "from-scratch",
    title: "b after the first update",
    kind: "generated",
    generate(random) {
      const { dogs, cats } = drawUntil(
        () => ({ dogs: onGrid(random, 1, 9, 1), cats: onGrid(random, 1, 9, 1) }),
        (count) => count.dogs !== count.cats,
      );
      const rate = pick(random, [0.05, 0.1, 0.2, 0.5, 1]);
      const dJdb = 0.5 - dogs / (dogs + cats);
      const b = -rate * dJdb;
      return {
        prompt: `You run the notebook's loop with \`learning_rate = ${rate}\` on data with ${dogs} dogs ($y = 1$) and ${cats} cats ($y = 0$), starting from \`w = np.zeros(2)\` and \`b = 0.0\`. What is \`b\` after the first update? Give 4 decimal places.`,
        answer: b,
        tolerance: Math.max(0.00006, 0.001 * Math.abs(b)),
        hint: "With $w = 0$ and $b = 0$ every prediction is $\\sigma(0) = 0.5$. `dJ_db` is the mean of the errors `y_hat - y`, and `b -= learning_rate * dJ_db`.",
        explanation: `Every $\\hat{y}$ starts at 0.5, so \`dJ_db\` $= 0.5 - \\tfrac{${dogs}}{${dogs + cats}} \\approx ${dJdb.toFixed(4)}$ and $b = 0 - ${rate} \\times (${dJdb.toFixed(4)}) \\approx ${b.toFixed(4)}$. ${dogs > cats ? "More dogs than cats push b up, towards predicting dog." : "More cats than dogs push b down, towards predicting cat."}`,
      };
    },
  },
  {
    id: "gradient-db",
    objectiveId: "from-scratch",
    title: "dJ_db from compute_gradients",
    kind: "generated",
    generate(random) {
      const draw = () => ({
        x: [onGrid(random, -3, 3, 0.1), onGrid(random, -3, 3, 0.1)],
        y: random.interval(1) === 1 ? [1, 0] : [0, 1],
        w: awayFromZero(random, 0.2, 2, 0.1),
        b: onGrid(random, -1, 1, 0.1),
      });
      const errorsOf = ({ x, y, w, b }: ReturnType<typeof draw>) =>
        x.map((xi, i) => sigmoid(w * xi + b) - (y[i] as number));
      const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
      const setup = drawUntil(draw, (candidate) => farFromGuesses(mean(errorsOf(candidate)), 0.02));
      const errors = errorsOf(setup);
      const dJdb = mean(errors);
      const probabilities = errors.map((error, i) => error + (setup.y[i] as number));
      return {
        prompt: `The notebook's \`compute_gradients(w, b, X, y)\` gets \`X = np.array([[${setup.x[0]}], [${setup.x[1]}]])\`, \`y = np.array([${setup.y.join(", ")}])\`, \`w = np.array([${setup.w}])\` and \`b = ${setup.b}\`. What does it return as \`dJ_db\`? Give 4 decimal places.`,
        answer: dJdb,
        tolerance: 0.0006,
        hint: "`y_hat = sigmoid(X @ w + b)` gives one probability per row; `dJ_db` is the mean of `y_hat - y`.",
        explanation: `\`y_hat\` $\\approx [${probabilities.map((p) => p.toFixed(4)).join(", ")}]$, \`errors\` $\\approx [${errors.map((e) => e.toFixed(4)).join(", ")}]$, and their mean is $\\approx ${dJdb.toFixed(4)}$.`,
      };
    },
  },
  {
    id: "sklearn-penalty",
    objectiveId: "from-scratch",
    title: "scikit-learn's L2 penalty",
    kind: "generated",
    generate(random) {
      const penaltyOf = (w: number[]) => ((w[0] as number) ** 2 + (w[1] as number) ** 2) / 2;
      const w = drawUntil(
        () => [awayFromZero(random, 0.5, 3, 0.1), awayFromZero(random, 0.5, 3, 0.1)],
        (candidate) => farFromGuesses(penaltyOf(candidate), 0.01),
      );
      const penalty = penaltyOf(w);
      return {
        prompt: `\`LogisticRegression()\` (so $C = 1$) minimises the log loss summed over the data plus a penalty on the weights. For weights $w = [${w.map((v) => num(v)).join(", ")}]$, how much does the penalty term add? Give 4 decimal places.`,
        tex: "C \\sum_{i=1}^{N} L(\\hat{y}_i, y_i) + \\tfrac{1}{2}\\lVert w \\rVert^2",
        answer: penalty,
        tolerance: 0.0006,
        hint: "$\\lVert w \\rVert^2$ is the sum of the squared weights (the bias isn't penalised); then halve it.",
        explanation: `$\\tfrac{1}{2}\\bigl(${w.map((v) => `(${num(v)})^2`).join(" + ")}\\bigr) = ${num(penalty)}$: larger weights cost more, which is why scikit-learn's fit settles on smaller ones than the notebook's loop.`,
      };
    },
  },
  // Objective: identify a decision boundary on a scatter plot.
  {
    id: "boundary-slope-own",
    objectiveId: "decision-boundary",
    title: "Boundary slope",
    kind: "generated",
    generate(random) {
      const { w1, w2 } = drawUntil(
        () => ({ w1: awayFromZero(random, 0.5, 3, 0.1), w2: awayFromZero(random, 0.5, 3, 0.1) }),
        ({ w1, w2 }) => farFromGuesses(-w1 / w2, 0.02),
      );
      const b = onGrid(random, -4, 4, 0.5);
      const slope = -w1 / w2;
      return {
        prompt: `A model has $w = [${num(w1)}, ${num(w2)}]$ and $b = ${num(b)}$. What is the slope of its decision boundary, drawn with $x_1$ across and $x_2$ up? Give 2 decimal places.`,
        tex: "x_2 = -\\frac{w_1}{w_2}\\, x_1 - \\frac{b}{w_2}",
        answer: slope,
        tolerance: 0.006,
        hint: "The slope is $-w_1 / w_2$: mind the minus sign.",
        explanation: `Slope $= -w_1 / w_2 = -(${num(w1)}) / (${num(w2)}) \\approx ${slope.toFixed(2)}$; $b$ only shifts the line.`,
      };
    },
  },
  {
    id: "boundary-intercept-own",
    objectiveId: "decision-boundary",
    title: "Boundary intercept",
    kind: "generated",
    generate(random) {
      const { w2, b } = drawUntil(
        () => ({ w2: awayFromZero(random, 0.5, 3, 0.1), b: awayFromZero(random, 0.5, 4, 0.5) }),
        ({ w2, b }) => farFromGuesses(-b / w2, 0.02),
      );
      const w1 = awayFromZero(random, 0.5, 3, 0.1);
      const intercept = -b / w2;
      return {
        prompt: `A model has $w = [${num(w1)}, ${num(w2)}]$ and $b = ${num(b)}$. At what $x_2$ does its decision boundary cross the $x_2$ axis (where $x_1 = 0$)? Give 2 decimal places.`,
        answer: intercept,
        tolerance: 0.006,
        hint: "Put $x_1 = 0$ into $w_1 x_1 + w_2 x_2 + b = 0$ and solve for $x_2$.",
        explanation: `With $x_1 = 0$: $${num(w2)}\\,x_2 + (${num(b)}) = 0$, so $x_2 = -b / w_2 \\approx ${intercept.toFixed(2)}$.`,
      };
    },
  },
  {
    id: "distance-to-boundary",
    objectiveId: "decision-boundary",
    title: "Distance from the boundary",
    kind: "generated",
    generate(random) {
      const setup = drawUntil(
        () => ({
          w: [awayFromZero(random, 1, 4, 1), awayFromZero(random, 1, 4, 1)],
          b: onGrid(random, -5, 5, 1),
          x: [onGrid(random, -4, 4, 1), onGrid(random, -4, 4, 1)],
        }),
        ({ w, b, x }) =>
          farFromGuesses(
            Math.abs((w[0] as number) * (x[0] as number) + (w[1] as number) * (x[1] as number) + b) /
              Math.hypot(w[0] as number, w[1] as number),
            0.02,
          ),
      );
      const [w1, w2] = setup.w as [number, number];
      const [x1, x2] = setup.x as [number, number];
      const z = w1 * x1 + w2 * x2 + setup.b;
      const norm = Math.hypot(w1, w2);
      const distance = Math.abs(z) / norm;
      return {
        prompt: `A model has $w = [${w1}, ${w2}]$ and $b = ${setup.b}$. How far is the point $x = (${x1}, ${x2})$ from its decision boundary (the straight-line distance)? Give 2 decimal places.`,
        answer: distance,
        tolerance: 0.006,
        hint: "First the score $z = w \\cdot x + b$. The score is not a distance: divide $|z|$ by the length of $w$, $\\lVert w \\rVert = \\sqrt{w_1^2 + w_2^2}$.",
        explanation: `$z = ${w1} \\cdot ${x1} + ${w2} \\cdot ${x2} + (${setup.b}) = ${z}$ and $\\lVert w \\rVert = \\sqrt{${w1 * w1 + w2 * w2}} \\approx ${norm.toFixed(3)}$, so the distance is $|z| / \\lVert w \\rVert \\approx ${distance.toFixed(2)}$. Doubling $w$ and $b$ would double $z$ but leave the point exactly as far from the line.`,
      };
    },
  },
];

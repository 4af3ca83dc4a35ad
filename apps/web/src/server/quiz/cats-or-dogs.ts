import type { Question } from "./types";

/**
 * The questions that are the same for everyone in "Cats or Dogs?". Server-only: answers never ship to
 * the browser before grading. Ids are stable (attempts refer to them). Retired ids that older attempts
 * may still name: sigmoid-at-five, boundary-slope and boundary-intercept, now asked with each student's
 * own numbers (cats-or-dogs-generated.ts).
 */
export const catsOrDogsSharedQuestions: readonly Question[] = [
  // Objective: write the sigmoid formula and sketch its graph.
  {
    id: "sigmoid-at-zero",
    objectiveId: "sigmoid",
    title: "σ(0)",
    kind: "numeric",
    prompt: "What is $\\sigma(0)$?",
    tex: "\\sigma(z) = \\frac{1}{1 + e^{-z}}",
    answer: 0.5,
    tolerance: 0.005,
    hint: "$e^0 = 1$. Put that into the formula.",
    explanation: "$\\sigma(0) = 1 / (1 + 1) = 0.5$: a point exactly on the boundary is a coin toss.",
  },
  {
    id: "sigmoid-graph",
    objectiveId: "sigmoid",
    title: "The sigmoid's graph",
    kind: "choice",
    prompt: "Which sketch is the graph of $\\sigma(z)$?",
    choices: [
      {
        id: "s-curve",
        text: "An S-curve rising from just above 0 on the far left to just below 1 on the far right, through $(0, 0.5)$",
        correct: true,
      },
      {
        id: "line",
        text: "A straight line through $(0, 0.5)$",
        correct: false,
        whyWrong:
          "A line leaves $(0, 1)$ on both sides; $\\sigma$ flattens out towards 0 and 1 and never reaches them.",
      },
      {
        id: "bell",
        text: "A bell curve with its peak at $z = 0$",
        correct: false,
        whyWrong:
          "That is the slope $\\sigma'(z)$, largest (0.25) at $z = 0$. $\\sigma$ itself only ever increases.",
      },
      {
        id: "falling",
        text: "An S-curve falling from 1 on the left to 0 on the right",
        correct: false,
        whyWrong:
          "$\\sigma$ increases with $z$: $\\sigma(-5) \\approx 0.0067$ and $\\sigma(5) \\approx 0.993$.",
      },
    ],
    explanation:
      "Big negative $z$ gives close to 0, $z = 0$ gives exactly 0.5, big positive $z$ gives close to 1: an S-curve squeezed into $(0, 1)$.",
  },
  {
    id: "linear-regression-output",
    objectiveId: "sigmoid",
    title: "A linear output of 1.7",
    kind: "choice",
    prompt: "A linear regression trained on 0/1 labels predicts 1.7 for one animal. What is wrong?",
    choices: [
      {
        id: "not-probability",
        text: "1.7 isn't a probability: predictions should stay between 0 and 1",
        correct: true,
      },
      {
        id: "round-it",
        text: "Nothing: round it to 1 and move on",
        correct: false,
        whyWrong:
          "Rounding hides the problem: unbounded outputs can't say how sure the model is, and far-away points drag the line.",
      },
      {
        id: "more-data",
        text: "The model needs more data",
        correct: false,
        whyWrong: "More data doesn't bound a straight line: it still goes above 1 and below 0.",
      },
    ],
    explanation:
      "A line is unbounded. The sigmoid squashes any $w \\cdot x + b$ into $(0, 1)$ so it can be read as a probability: \"I'm 80% sure it's a dog.\"",
  },
  // Objective: explain why MSE breaks for classification.
  {
    id: "why-not-mse",
    objectiveId: "mse-fails",
    title: "Why not MSE",
    kind: "choice",
    prompt: "Why is mean squared error a poor cost for logistic regression?",
    choices: [
      {
        id: "non-convex",
        text: "Through the sigmoid it is not convex, and its gradient vanishes when the model is confidently wrong",
        correct: true,
      },
      {
        id: "cannot-compute",
        text: "It can't be computed for 0/1 labels",
        correct: false,
        whyWrong:
          'It can be computed ("this technically works"); the trouble is its shape, with flat stretches where gradient descent stalls.',
      },
      {
        id: "always-larger",
        text: "It is always larger than log loss",
        correct: false,
        whyWrong: "The size of a cost doesn't matter to gradient descent; its slope and convexity do.",
      },
    ],
    explanation:
      "Log loss is convex in $w$ and $b$, and its gradient $(\\hat{y} - y)\\,x$ stays large exactly when the model is badly wrong.",
  },
  // Objective: write the log loss formula and explain each piece.
  {
    id: "log-loss-half",
    objectiveId: "log-loss",
    title: "Log loss of a shrug",
    kind: "numeric",
    prompt:
      "The true label is $y = 1$ and the model predicts $\\hat{y} = 0.5$. What is this example's log loss (natural log)?",
    tex: "-\\log \\hat{y}",
    answer: Math.log(2),
    tolerance: 0.005,
    hint: "For $y = 1$ the loss is $-\\log \\hat{y}$.",
    explanation:
      "$-\\log 0.5 \\approx 0.693$: the loss of a model that just guesses, which is why a loss stuck near 0.69 is a warning sign.",
  },
  {
    id: "log-loss-missing-term",
    objectiveId: "log-loss",
    title: "The missing term of log loss",
    kind: "formula",
    prompt: "Complete the log loss (binary cross-entropy):",
    tex: "J = -\\frac{1}{N} \\sum_{i=1}^{N} \\left[ y_i \\log \\hat y_i + \\boxed{\\;?\\;} \\right]",
    choices: [
      { id: "a", text: "(1 - y_i) \\log (1 - \\hat y_i)", correct: true },
      {
        id: "b",
        text: "y_i \\log (1 - \\hat y_i)",
        correct: false,
        whyWrong: "With $y = 0$ this term vanishes too, so cats would never be penalised.",
      },
      {
        id: "c",
        text: "(1 - y_i) \\log \\hat y_i",
        correct: false,
        whyWrong: "For a cat ($y = 0$) we want the probability of **cat**, $1 - \\hat{y}$, to be high.",
      },
      {
        id: "d",
        text: "(\\hat y_i - y_i)^2",
        correct: false,
        whyWrong: "That is squared error, the cost this lesson replaces.",
      },
    ],
    explanation:
      "The factor $(1 - y)$ switches the second term on for $y = 0$, where it penalises a low $1 - \\hat{y}$ exactly as $-\\log \\hat{y}$ does for $y = 1$.",
  },
  // Objective: implement logistic regression in numpy from scratch.
  {
    id: "gradient-missing-term",
    objectiveId: "from-scratch",
    title: "The gradient's error term",
    kind: "formula",
    prompt: "Complete the gradient of log loss with respect to $w$:",
    tex: "\\frac{\\partial J}{\\partial w} = \\frac{1}{N} \\sum_{i=1}^{N} \\boxed{\\;?\\;}\\, x_i",
    choices: [
      { id: "a", text: "(\\hat y_i - y_i)", correct: true },
      {
        id: "b",
        text: "(y_i - \\hat y_i)",
        correct: false,
        whyWrong:
          "That's the negative gradient: subtracting it would climb the loss instead of descending it.",
      },
      {
        id: "c",
        text: "\\hat y_i (1 - \\hat y_i)",
        correct: false,
        whyWrong: "That is $\\sigma'(z)$. With log loss it cancels out of the gradient.",
      },
      {
        id: "d",
        text: "(\\hat y_i - y_i)^2",
        correct: false,
        whyWrong: "The square belongs to MSE's cost, not to log loss's gradient.",
      },
    ],
    explanation:
      "The sigmoid's derivative cancels against log loss, leaving the clean error term $\\hat{y} - y$: `errors = y_hat - y` in the notebook.",
  },
  {
    id: "learning-rate-too-high",
    objectiveId: "from-scratch",
    title: "A learning rate far too large",
    kind: "choice",
    prompt:
      "In the update `w -= learning_rate * dJ_dw`, what can happen if the learning rate is far too large for the scale of the features?",
    choices: [
      { id: "diverge", text: "The loss jumps up and zig-zags instead of falling", correct: true },
      {
        id: "faster",
        text: "Training simply finishes sooner with the same result",
        correct: false,
        whyWrong:
          "Big steps overshoot: each step lands on the far side of the valley, often higher than it started.",
      },
      {
        id: "more-accurate",
        text: "The model becomes more accurate",
        correct: false,
        whyWrong: "The learning rate sets the step size, not what the model can represent.",
      },
    ],
    explanation:
      "Too large a step overshoots the minimum, so the loss rises and zig-zags. Try it in the training widget on the cats and dogs measured in kg and cm: at a rate of 1 or 3 the loss leaps far above its starting 0.69.",
  },
  {
    id: "notebook-final-loss",
    objectiveId: "from-scratch",
    title: "The notebook's final loss",
    kind: "numeric",
    prompt:
      "On the lesson's data, starting from zeros with learning rate 0.1, what is the log loss after 1000 steps (4 decimals)? Use the training widget.",
    answer: 0.0073,
    tolerance: 0.00015,
    hint: "Run the training widget on the notebook's data with learning rate 0.1 and 1000 steps and read the final loss.",
    explanation:
      "The notebook prints `Final loss: 0.0073` (with $w \\approx [2.2233, 1.8234]$, $b \\approx -0.3127$): the classes are separable.",
  },
  {
    id: "sklearn-smaller-weights",
    objectiveId: "from-scratch",
    title: "Why scikit-learn's weights are smaller",
    kind: "choice",
    prompt:
      "scikit-learn's `LogisticRegression()` finds $w \\approx [1.63, 1.31]$; our gradient descent finds $w \\approx [2.22, 1.82]$. Why are scikit-learn's weights smaller?",
    choices: [
      {
        id: "l2",
        text: "It adds an L2 penalty by default ($C = 1$), which pulls the weights towards zero",
        correct: true,
      },
      {
        id: "fewer-iterations",
        text: "It stops after fewer iterations",
        correct: false,
        whyWrong:
          "It solves its problem to convergence; the problem itself is different (it includes a penalty).",
      },
      {
        id: "other-sigmoid",
        text: "It uses a different sigmoid",
        correct: false,
        whyWrong: "Same sigmoid, same log loss; the difference is the regularization term.",
      },
    ],
    explanation:
      "With separable data, unpenalised log loss keeps rewarding bigger weights; $C = 1$ trades a little fit for smaller, steadier weights.",
  },
  {
    id: "sklearn-fit-call",
    objectiveId: "from-scratch",
    title: "Training with scikit-learn",
    kind: "choice",
    prompt: "Which line trains scikit-learn's logistic regression on the lesson's `X` and `y`?",
    choices: [
      { id: "fit", text: "`model = LogisticRegression().fit(X, y)`", correct: true },
      {
        id: "predict",
        text: "`model = LogisticRegression().predict(X, y)`",
        correct: false,
        whyWrong: "`predict` uses a trained model; it doesn't train one (and takes only `X`).",
      },
      {
        id: "constructor",
        text: "`model = LogisticRegression(X, y)`",
        correct: false,
        whyWrong: "The constructor takes settings such as `C`; the data goes to `fit`.",
      },
    ],
    explanation: "Estimators are configured in the constructor and trained with `fit(X, y)`.",
  },
  {
    id: "sklearn-predict-threshold",
    objectiveId: "from-scratch",
    title: "A point on the boundary",
    kind: "choice",
    prompt:
      "A point lies exactly on the decision boundary: its score is $z = 0$, so $\\hat{y} = 0.5$. Which class do the lesson's rule and scikit-learn's `model.predict` give it?",
    choices: [
      { id: "class-0", text: "Class 0", correct: true },
      {
        id: "class-1",
        text: "Class 1",
        correct: false,
        whyWrong: "The rule is strict: class 1 only when $\\hat{y} > 0.5$, i.e. when $z > 0$.",
      },
      {
        id: "error",
        text: "Neither: `predict` raises an error for a tie",
        correct: false,
        whyWrong: "`predict` always returns a class; it compares `decision_function(X) > 0`.",
      },
    ],
    explanation:
      '"Predict class 1 if $\\hat{y} > 0.5$, else class 0": at exactly 0.5 the answer is class 0. scikit-learn\'s `predict` returns class 1 where `decision_function(X) > 0`, the same rule.',
  },
  // Objective: identify a decision boundary on a scatter plot.
  {
    id: "separate-the-classes",
    objectiveId: "decision-boundary",
    title: "Separate the classes",
    kind: "boundary",
    prompt: "Move the boundary until it separates every cat from every dog in the lesson's data.",
    hint: "Some animals are still on the wrong side. Tilt the line with $w_1$ and $w_2$, shift it with $b$.",
    explanation: "Every cat has $w \\cdot x + b < 0$ and every dog $w \\cdot x + b > 0$: accuracy 100%.",
  },
];

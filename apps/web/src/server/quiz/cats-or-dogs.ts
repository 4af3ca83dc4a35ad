import type { Question } from "./types";

/**
 * The quiz bank for "Cats or Dogs?". Server-only: answers never ship to the browser before grading.
 * At least two questions per objective; ids are stable (attempts refer to them).
 */
export const catsOrDogsQuestions: readonly Question[] = [
  // sigmoid
  {
    id: "sigmoid-at-zero",
    objectiveId: "sigmoid",
    kind: "numeric",
    prompt: "What is σ(0)?",
    tex: "\\sigma(z) = \\frac{1}{1 + e^{-z}}",
    answer: 0.5,
    tolerance: 0.005,
    hint: "e⁰ = 1. Put that into the formula.",
    explanation: "σ(0) = 1 / (1 + 1) = 0.5: a point exactly on the boundary is a coin toss.",
  },
  {
    id: "sigmoid-at-five",
    objectiveId: "sigmoid",
    kind: "numeric",
    prompt: "What is σ(5), to 4 decimal places?",
    answer: 0.9933,
    tolerance: 0.0006,
    hint: "e⁻⁵ is about 0.0067, so the denominator is just above 1.",
    explanation:
      "σ(5) = 1 / (1 + e⁻⁵) ≈ 0.9933: five units from the boundary, the model is already 99% sure.",
  },
  {
    id: "linear-regression-output",
    objectiveId: "sigmoid",
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
          "Rounding hides the problem: unbounded outputs let far-away points drag the line and move the threshold.",
      },
      {
        id: "more-data",
        text: "The model needs more data",
        correct: false,
        whyWrong: "More data doesn't bound a straight line: it still goes above 1 and below 0.",
      },
    ],
    explanation:
      "A line is unbounded. The sigmoid squashes any w·x + b into (0, 1) so it can be read as P(dog).",
  },
  // log-loss
  {
    id: "log-loss-half",
    objectiveId: "log-loss",
    kind: "numeric",
    prompt:
      "The true label is y = 1 and the model predicts ŷ = 0.5. What is this example's log loss (natural log)?",
    tex: "-\\log \\hat y",
    answer: Math.log(2),
    tolerance: 0.005,
    hint: "For y = 1 the loss is −log ŷ.",
    explanation:
      "−log 0.5 ≈ 0.693: the loss of a model that just guesses, which is why a stuck loss near 0.69 is a warning sign.",
  },
  {
    id: "log-loss-missing-term",
    objectiveId: "log-loss",
    kind: "formula",
    prompt: "Complete the log loss (binary cross-entropy):",
    tex: "J = -\\frac{1}{N} \\sum_{i=1}^{N} \\left[ y_i \\log \\hat y_i + \\boxed{\\;?\\;} \\right]",
    choices: [
      { id: "a", text: "(1 - y_i) \\log (1 - \\hat y_i)", correct: true },
      {
        id: "b",
        text: "y_i \\log (1 - \\hat y_i)",
        correct: false,
        whyWrong: "With y = 0 this term vanishes, so cats would never be penalised.",
      },
      {
        id: "c",
        text: "(1 - y_i) \\log \\hat y_i",
        correct: false,
        whyWrong: "For a cat (y = 0) we want the probability of *cat*, 1 − ŷ, to be high.",
      },
      {
        id: "d",
        text: "(\\hat y_i - y_i)^2",
        correct: false,
        whyWrong: "That is squared error, the loss this lesson replaces.",
      },
    ],
    explanation:
      "The second term switches on for y = 0 and penalises a low 1 − ŷ, exactly as −log ŷ does for y = 1.",
  },
  {
    id: "why-not-mse",
    objectiveId: "log-loss",
    kind: "choice",
    prompt: "Why is mean squared error a poor loss for logistic regression?",
    choices: [
      {
        id: "non-convex",
        text: "Through the sigmoid it is non-convex, and its gradient vanishes when the model is confidently wrong",
        correct: true,
      },
      {
        id: "cannot-compute",
        text: "It can't be computed for 0/1 labels",
        correct: false,
        whyWrong:
          "It can be computed; the trouble is its shape, with flat plateaus where gradient descent stalls.",
      },
      {
        id: "always-larger",
        text: "It is always larger than log loss",
        correct: false,
        whyWrong: "The size of a loss doesn't matter to gradient descent; its slope and convexity do.",
      },
    ],
    explanation:
      "Log loss is convex in w and b, and its gradient (ŷ − y)·x stays large exactly when the model is badly wrong.",
  },
  // from-scratch
  {
    id: "gradient-missing-term",
    objectiveId: "from-scratch",
    kind: "formula",
    prompt: "Complete the gradient of log loss with respect to w:",
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
        whyWrong: "That is σ′(z). With log loss it cancels out of the gradient.",
      },
      {
        id: "d",
        text: "(\\hat y_i - y_i)^2",
        correct: false,
        whyWrong: "The square belongs to MSE's loss, not to log loss's gradient.",
      },
    ],
    explanation: "The sigmoid's derivative cancels against log loss, leaving the clean error term ŷ − y.",
  },
  {
    id: "learning-rate-too-high",
    objectiveId: "from-scratch",
    kind: "choice",
    prompt: "In the update w ← w − lr · ∂J/∂w, what can happen if the learning rate is far too large?",
    choices: [
      { id: "diverge", text: "The loss oscillates or blows up instead of falling", correct: true },
      {
        id: "faster",
        text: "Training simply finishes sooner with the same result",
        correct: false,
        whyWrong:
          "Big steps overshoot the bottom of the bowl; past a point each step lands higher than the last.",
      },
      {
        id: "more-accurate",
        text: "The model becomes more accurate",
        correct: false,
        whyWrong: "The learning rate sets the step size, not what the model can represent.",
      },
    ],
    explanation: "Too large a step overshoots the minimum; the loss zig-zags or diverges (watch for NaN).",
  },
  {
    id: "notebook-final-loss",
    objectiveId: "from-scratch",
    kind: "numeric",
    prompt:
      "On the lesson's data, starting from zeros with learning rate 0.1, what is the log loss after 1000 steps (4 decimals)? Use the training widget.",
    answer: 0.0073,
    tolerance: 0.00015,
    hint: "Run the train-from-scratch widget with learning rate 0.1 and 1000 steps and read the final loss.",
    explanation: "The notebook prints 0.0073 (w ≈ [2.2233, 1.8234], b ≈ −0.3127): the classes are separable.",
  },
  // decision-boundary
  {
    id: "boundary-slope",
    objectiveId: "decision-boundary",
    kind: "numeric",
    prompt: "A model has w = [2, 1] and b = −4. What is the slope of its decision boundary?",
    tex: "x_2 = -\\frac{w_1}{w_2} x_1 - \\frac{b}{w_2}",
    answer: -2,
    tolerance: 0.01,
    hint: "The slope is −w₁/w₂.",
    explanation: "Slope = −w₁/w₂ = −2/1 = −2.",
  },
  {
    id: "boundary-intercept",
    objectiveId: "decision-boundary",
    kind: "numeric",
    prompt: "Same model (w = [2, 1], b = −4): at what x₂ does the boundary cross the x₂ axis (x₁ = 0)?",
    answer: 4,
    tolerance: 0.01,
    hint: "Set x₁ = 0 in w₁x₁ + w₂x₂ + b = 0 and solve for x₂.",
    explanation: "x₂ = −b/w₂ = 4/1 = 4.",
  },
  {
    id: "separate-the-classes",
    objectiveId: "decision-boundary",
    kind: "boundary",
    prompt: "Move the boundary until it separates every cat from every dog in the lesson's data.",
    hint: "Some animals are still on the wrong side. Tilt the line with w₁ and w₂, shift it with b.",
    explanation: "Every cat has w·x + b < 0 and every dog w·x + b > 0: accuracy 100%.",
  },
  // scikit-learn
  {
    id: "sklearn-smaller-weights",
    objectiveId: "scikit-learn",
    kind: "choice",
    prompt:
      "scikit-learn's LogisticRegression() finds w ≈ [1.63, 1.31]; our gradient descent finds w ≈ [2.22, 1.82]. Why are scikit-learn's weights smaller?",
    choices: [
      {
        id: "l2",
        text: "It adds an L2 penalty by default (C = 1), which pulls the weights towards zero",
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
        whyWrong: "Same sigmoid, same log loss; the difference is the regularisation term.",
      },
    ],
    explanation:
      "With separable data, unpenalised log loss keeps rewarding bigger weights; C = 1 trades a little fit for smaller, steadier weights.",
  },
  {
    id: "sklearn-fit-call",
    objectiveId: "scikit-learn",
    kind: "choice",
    prompt: "Which line trains scikit-learn's logistic regression on the lesson's X and y?",
    choices: [
      { id: "fit", text: "model = LogisticRegression().fit(X, y)", correct: true },
      {
        id: "predict",
        text: "model = LogisticRegression().predict(X, y)",
        correct: false,
        whyWrong: "predict uses a trained model; it doesn't train one (and takes only X).",
      },
      {
        id: "constructor",
        text: "model = LogisticRegression(X, y)",
        correct: false,
        whyWrong: "The constructor takes settings such as C; the data goes to fit.",
      },
    ],
    explanation: "Estimators are configured in the constructor and trained with fit(X, y).",
  },
];

import { catsOrDogsMeta } from "./cats-or-dogs.meta";
import type { Lesson } from "./lesson-types";

/** The notebook's from-scratch listing, verbatim apart from line breaks. */
export const FROM_SCRATCH_CODE = `import numpy as np

np.random.seed(0)
X = np.vstack([np.random.randn(50, 2) + [-2, -2],
               np.random.randn(50, 2) + [2, 2]])
y = np.array([0] * 50 + [1] * 50)

def sigmoid(z):
    return 1 / (1 + np.exp(-z))

def predict_proba(X, w, b):
    return sigmoid(X @ w + b)

def compute_loss(y, y_pred):
    eps = 1e-15
    y_pred = np.clip(y_pred, eps, 1 - eps)
    return -np.mean(y * np.log(y_pred) + (1 - y) * np.log(1 - y_pred))

def compute_gradients(X, y, y_pred):
    N = len(y)
    dw = (1 / N) * X.T @ (y_pred - y)
    db = (1 / N) * np.sum(y_pred - y)
    return dw, db

w = np.zeros(2)
b = 0.0
lr = 0.1
losses = []
for i in range(1000):
    y_pred = predict_proba(X, w, b)
    dw, db = compute_gradients(X, y, y_pred)
    w -= lr * dw
    b -= lr * db
    losses.append(compute_loss(y, predict_proba(X, w, b)))

print(w, b, losses[-1])   # [2.2233 1.8234] -0.3127 0.0073`;

export const SKLEARN_CODE = `from sklearn.linear_model import LogisticRegression

model = LogisticRegression()      # C=1.0: L2 regularisation is on by default
model.fit(X, y)
print(model.coef_, model.intercept_)   # [[1.6263 1.3061]] [-0.3745]

model.predict_proba(X[:3])        # columns: P(cat), P(dog)
model.predict(X[:3])              # 1 where P(dog) >= 0.5`;

/** "Cats or Dogs?": Phase 3 · Session 08. Every section, in teaching order. */
export const catsOrDogs: Lesson = {
  meta: catsOrDogsMeta,
  sections: [
    {
      id: "big-idea",
      title: "The big idea",
      blocks: [
        {
          type: "paragraph",
          text: "Linear regression predicts a number. Today we want a **yes or no**: is this animal a dog? Logistic regression keeps the straight-line score $z = w \\cdot x + b$ but squashes it into a probability with the sigmoid, measures its mistakes with **log loss**, and lets gradient descent find the line that separates cats from dogs.",
        },
        {
          type: "callout",
          tone: "key",
          title: "In one sentence",
          text: "$\\hat{y} = \\sigma(w \\cdot x + b)$ is the probability of a dog; predict dog when $\\hat{y} \\ge 0.5$, which is exactly when $w \\cdot x + b \\ge 0$.",
        },
      ],
    },
    {
      id: "objectives",
      title: "What you will be able to do",
      blocks: [{ type: "objectives" }],
    },
    {
      id: "linear-fails",
      title: "Why plain linear regression fails",
      objectiveId: "sigmoid",
      blocks: [
        {
          type: "paragraph",
          text: "Label every cat $y = 0$ and every dog $y = 1$, then fit an ordinary least-squares line through the labels. The line does rank the animals sensibly, but it is a line: it keeps going. A very large dog gets an output like **1.7**, a very small cat **−3**. Neither is a probability, and one unusual animal far out on the axis tilts the whole line.",
        },
        {
          type: "widget",
          widget: "linear-vs-sigmoid",
          title: "A straight line through 0/1 labels",
          description:
            "Move the animal along $x_1$ and read the line's output. Then switch on the sigmoid: the same score, squashed into $(0, 1)$.",
        },
      ],
    },
    {
      id: "sigmoid",
      title: "The sigmoid function",
      objectiveId: "sigmoid",
      blocks: [
        {
          type: "paragraph",
          text: "The sigmoid (or logistic) function takes any real number and returns a number strictly between 0 and 1:",
        },
        { type: "math", tex: "\\sigma(z) = \\frac{1}{1 + e^{-z}}" },
        {
          type: "table",
          caption: "The sigmoid at a few values of z",
          head: ["$z$", "$\\sigma(z)$", "reading"],
          rows: [
            ["$-\\infty$", "$\\to 0$", "certainly a cat"],
            ["$-5$", "$\\approx 0.0067$", "very likely a cat"],
            ["$0$", "$0.5$", "can't tell"],
            ["$5$", "$\\approx 0.9933$", "very likely a dog"],
            ["$+\\infty$", "$\\to 1$", "certainly a dog"],
          ],
        },
        {
          type: "widget",
          widget: "sigmoid-explorer",
          title: "Sigmoid explorer",
          description:
            "Drag along the curve, use the slider or the arrow keys. Where does $\\sigma(z)$ cross the 0.5 line?",
        },
      ],
    },
    {
      id: "model",
      title: "The logistic regression model",
      objectiveId: "sigmoid",
      blocks: [
        { type: "paragraph", text: "Put the linear score inside the sigmoid and you have the whole model:" },
        {
          type: "math",
          tex: "\\hat{y} = \\sigma(w \\cdot x + b) = \\frac{1}{1 + e^{-(w_1 x_1 + w_2 x_2 + b)}}",
        },
        {
          type: "paragraph",
          text: "$\\hat{y}$ is the model's probability that the animal is a dog. To make a decision we apply a **threshold** of 0.5: predict dog when $\\hat{y} \\ge 0.5$, cat otherwise. Because $\\sigma(0) = 0.5$ and the sigmoid only ever increases, that is the same as asking whether $w \\cdot x + b \\ge 0$.",
        },
        {
          type: "paragraph",
          text: "We will need the sigmoid's derivative for gradient descent. It has a famously tidy form:",
        },
        { type: "math", tex: "\\sigma'(z) = \\sigma(z)\\,\\bigl(1 - \\sigma(z)\\bigr)" },
        {
          type: "paragraph",
          text: "It is largest, 0.25, at $z = 0$ and almost zero once $|z|$ is large: far from the boundary the curve is flat. Remember that flatness; it is about to cause trouble.",
        },
        { type: "quiz", objectiveId: "sigmoid" },
      ],
    },
    {
      id: "mse-fails",
      title: "Why mean squared error fails",
      objectiveId: "log-loss",
      blocks: [
        {
          type: "paragraph",
          text: "The obvious cost is the one from linear regression, $J = \\frac{1}{N}\\sum_i (\\hat{y}_i - y_i)^2$. With the sigmoid inside, it goes wrong in two ways:",
        },
        {
          type: "list",
          items: [
            "**Not convex.** Along a weight, MSE has flat plateaus and bends both ways, so gradient descent can stall far from the best weights.",
            "**Vanishing gradients.** Its gradient carries a factor $\\sigma'(z) = \\hat{y}(1 - \\hat{y})$. When the model is confidently wrong, $\\hat{y}$ is near 0 or 1, that factor is near 0, and the model learns almost nothing from its worst mistakes.",
          ],
        },
        {
          type: "widget",
          widget: "mse-vs-log-loss",
          title: "MSE versus log loss along one weight",
          description:
            "The model $\\hat{y} = \\sigma(w x_1)$ on the lesson's data. Move $w$ and compare the two costs and their slopes, especially where the model is confidently wrong.",
        },
      ],
    },
    {
      id: "log-loss",
      title: "Deriving log loss",
      objectiveId: "log-loss",
      blocks: [
        {
          type: "paragraph",
          text: "We want a cost that is zero for a confident correct answer and grows without limit for a confident wrong one. Logarithms do exactly that. For one example:",
        },
        {
          type: "list",
          items: [
            "if $y = 1$ (a dog), the loss is $-\\log \\hat{y}$: zero when $\\hat{y} = 1$, huge when $\\hat{y} \\to 0$;",
            "if $y = 0$ (a cat), the loss is $-\\log(1 - \\hat{y})$: zero when $\\hat{y} = 0$, huge when $\\hat{y} \\to 1$.",
          ],
        },
        {
          type: "widget",
          widget: "per-example-loss",
          title: "The loss of one example",
          description:
            "Pick the true label and move the prediction. A perfect answer costs 0, a shrug ($\\hat{y} = 0.5$) costs 0.69, and a confident mistake ($\\hat{y} = 0.01$ for a dog) costs 4.6.",
        },
        {
          type: "paragraph",
          text: "Because $y$ is either 0 or 1, one expression covers both cases (one of the two terms is always zero):",
        },
        {
          type: "math",
          tex: "L(\\hat{y}, y) = -\\bigl[\\,y \\log \\hat{y} + (1 - y) \\log(1 - \\hat{y})\\,\\bigr]",
        },
        { type: "paragraph", text: "Averaging over the $N$ training examples gives the cost we minimise:" },
        {
          type: "math",
          tex: "J(w, b) = -\\frac{1}{N} \\sum_{i=1}^{N} \\bigl[\\,y_i \\log \\hat{y}_i + (1 - y_i) \\log(1 - \\hat{y}_i)\\,\\bigr]",
        },
        {
          type: "callout",
          tone: "tip",
          title: "Same thing, other names",
          text: "This is called **log loss** or **binary cross-entropy**. It is convex in $w$ and $b$: one bowl, no plateaus, so gradient descent cannot get stuck.",
        },
      ],
    },
    {
      id: "gradient",
      title: "The clean gradient",
      objectiveId: "log-loss",
      blocks: [
        {
          type: "paragraph",
          text: "Differentiate $J$ with the chain rule and the $\\sigma'(z) = \\hat{y}(1 - \\hat{y})$ factor cancels against the derivative of the logarithm. What is left is strikingly simple:",
        },
        {
          type: "math",
          tex: "\\frac{\\partial J}{\\partial w} = \\frac{1}{N} \\sum_{i=1}^{N} (\\hat{y}_i - y_i)\\, x_i \\qquad \\frac{\\partial J}{\\partial b} = \\frac{1}{N} \\sum_{i=1}^{N} (\\hat{y}_i - y_i)",
        },
        {
          type: "paragraph",
          text: "Each example pushes the weights in proportion to its error $\\hat{y}_i - y_i$: the more wrong, the harder the push, and no flat sigmoid in the way. It is the same shape as linear regression's gradient, with $\\hat{y}$ now a probability. Gradient descent repeats $w \\leftarrow w - \\alpha\\,\\partial J/\\partial w$ and $b \\leftarrow b - \\alpha\\,\\partial J/\\partial b$.",
        },
        { type: "quiz", objectiveId: "log-loss" },
      ],
    },
    {
      id: "decision-boundary",
      title: "The decision boundary",
      objectiveId: "decision-boundary",
      blocks: [
        {
          type: "paragraph",
          text: "The model switches from cat to dog where $\\hat{y} = 0.5$, that is where $z = 0$. With two features this is the line",
        },
        { type: "math", tex: "w_1 x_1 + w_2 x_2 + b = 0" },
        { type: "paragraph", text: "Solve for $x_2$ to draw it (when $w_2 \\ne 0$):" },
        { type: "math", tex: "x_2 = -\\frac{w_1}{w_2}\\, x_1 - \\frac{b}{w_2}" },
        {
          type: "paragraph",
          text: "The weights set the line's **direction** (slope $-w_1/w_2$) and $b$ shifts it (intercept $-b/w_2$). Scaling all three by the same positive number leaves the line where it is but makes the probabilities sharper: the shading gets crisper, the log loss smaller.",
        },
        {
          type: "widget",
          widget: "boundary-explorer",
          title: "Boundary explorer",
          description:
            "Set $w_1$, $w_2$ and $b$ yourself. Can you reach 100% accuracy? Then make the log loss as small as you can. The shading is $\\sigma(z)$: blue for dog, orange for cat.",
        },
        {
          type: "paragraph",
          text: "With three features, $w_1 x_1 + w_2 x_2 + w_3 x_3 + b = 0$ is a **plane**; with more, a **hyperplane**. The picture stops being drawable, the idea does not: logistic regression always separates the classes with something flat.",
        },
      ],
    },
    {
      id: "limitation",
      title: "The limitation: a ring around a disc",
      objectiveId: "decision-boundary",
      blocks: [
        {
          type: "paragraph",
          text: "Flat is also the weakness. Put the cats in a disc and the dogs in a ring around it: no straight line separates them, however long you train. The best line still gets many animals wrong.",
        },
        {
          type: "paragraph",
          text: "The fix is not a new model but new **features**. Give the same logistic regression $x_1^2$ and $x_2^2$ as well; a boundary that is linear in those four features is a circle (or ellipse) in the original plane.",
        },
        {
          type: "widget",
          widget: "ring-features",
          title: "When a line is not enough",
          description:
            "Train a straight line first. Then add $x_1^2$ and $x_2^2$ and train the same model again.",
        },
        {
          type: "callout",
          tone: "key",
          title: "The bridge to Phase 4",
          text: "Choosing features by hand works for a ring. For photos of real cats and dogs, nobody can write the features down. Neural networks learn them: Phase 4 starts there.",
        },
        { type: "quiz", objectiveId: "decision-boundary" },
      ],
    },
    {
      id: "from-scratch",
      title: "Logistic regression from scratch",
      objectiveId: "from-scratch",
      blocks: [
        {
          type: "paragraph",
          text: "Everything above fits in twenty lines of numpy: the sigmoid, the probabilities, the clipped log loss (clipping keeps $\\log$ away from 0), the gradient, and 1000 steps of gradient descent from $w = 0$, $b = 0$ with learning rate 0.1. The widget runs the same algorithm on the same 100 points, in your browser, and lands on the notebook's numbers: $w \\approx [2.2233,\\ 1.8234]$, $b \\approx -0.3127$, log loss 0.0073, every animal classified correctly.",
        },
        {
          type: "widget",
          widget: "train-from-scratch",
          title: "Train from scratch",
          description:
            "Choose a learning rate and a number of steps and train. Try 0.001, or 3: what happens to the loss curve?",
          code: { language: "python", code: FROM_SCRATCH_CODE, caption: "The notebook's code" },
        },
        { type: "quiz", objectiveId: "from-scratch" },
      ],
    },
    {
      id: "scikit-learn",
      title: "The same model with scikit-learn",
      objectiveId: "scikit-learn",
      blocks: [
        { type: "paragraph", text: "In practice you would write three lines:" },
        { type: "code", language: "python", code: SKLEARN_CODE, caption: "scikit-learn" },
        {
          type: "paragraph",
          text: "The boundary points the same way, but the numbers differ: $[1.6263,\\ 1.3061]$ and $-0.3745$ instead of $[2.2233,\\ 1.8234]$ and $-0.3127$. Neither is a bug. `LogisticRegression` adds **L2 regularisation** by default: it minimises",
        },
        {
          type: "math",
          tex: "C \\sum_{i=1}^{N} L(\\hat{y}_i, y_i) + \\tfrac{1}{2}\\lVert w \\rVert^2, \\qquad C = 1",
        },
        {
          type: "paragraph",
          text: "so large weights cost something and it settles on smaller ones. Our loop has no penalty and simply stops after 1000 steps; on data this cleanly separated, its weights would keep growing if it ran longer. The comparison table under the training widget shows both fits side by side. Regularisation, and why you usually want it, returns in the next sessions.",
        },
        { type: "quiz", objectiveId: "scikit-learn" },
      ],
    },
    {
      id: "vocabulary",
      title: "Vocabulary",
      blocks: [
        {
          type: "table",
          caption: "Words from this session",
          head: ["Term", "Meaning"],
          rows: [
            ["Classification", "Predicting a category (cat or dog) instead of a number."],
            [
              "Logistic regression",
              "The linear score $w \\cdot x + b$ passed through the sigmoid to give a probability.",
            ],
            [
              "Sigmoid (logistic function)",
              "$\\sigma(z) = 1/(1 + e^{-z})$, which maps any number into $(0, 1)$.",
            ],
            ["Logit / log-odds", "The score $z = w \\cdot x + b$ before the sigmoid."],
            ["Threshold", "The probability above which we predict class 1; usually 0.5."],
            [
              "Log loss (binary cross-entropy)",
              "$-[y \\log \\hat{y} + (1 - y)\\log(1 - \\hat{y})]$, averaged over the data.",
            ],
            ["Convex", "Shaped like one bowl: any downhill path reaches the bottom."],
            ["Vanishing gradient", "A gradient so close to zero that learning stalls."],
            [
              "Decision boundary",
              "Where $\\hat{y} = 0.5$, i.e. $w \\cdot x + b = 0$: a line, plane or hyperplane.",
            ],
            ["Hyperplane", "The flat boundary $w \\cdot x + b = 0$ in any number of dimensions."],
            [
              "Feature engineering",
              "Adding new inputs such as $x_1^2$ so a linear model can draw curved boundaries.",
            ],
            ["Regularisation (L2)", "A penalty on large weights; scikit-learn's default, set by $C$."],
          ],
        },
      ],
    },
    {
      id: "next-up",
      title: "Next up: when models lie",
      blocks: [
        {
          type: "paragraph",
          text: "100% accuracy on the data you trained on sounds perfect. It can also be a lie: a model can memorise its training set, or look excellent on a class that is rare. Next session we hold data back, split it properly, and meet the confusion matrix, precision and recall: the numbers that tell you when a model is fooling you.",
        },
      ],
    },
  ],
};

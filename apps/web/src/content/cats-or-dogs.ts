import { NOTEBOOK_LISTINGS } from "./cats-or-dogs.listings";
import { catsOrDogsMeta } from "./cats-or-dogs.meta";
import type { Lesson } from "./lesson-types";

/**
 * "Cats or Dogs?": Phase 3 · Session 08, in the lesson's order and, where it says something, in its words
 * (the source is __fixtures__/cats-or-dogs.source.txt). Our additions are the widgets, the quizzes and a
 * few corrections, each marked in a comment.
 */
export const catsOrDogs: Lesson = {
  meta: catsOrDogsMeta,
  sections: [
    {
      id: "big-idea",
      title: "Big idea",
      blocks: [
        {
          type: "paragraph",
          text: "Linear regression predicts numbers. To predict a category, wrap the linear model in a “squish function” called the sigmoid that maps any number to $(0, 1)$. That's a probability. You'll derive the sigmoid, derive why MSE fails for classification, derive log loss, and code logistic regression from scratch.",
        },
        {
          type: "callout",
          tone: "key",
          title: "In one sentence",
          text: "$\\hat{y} = \\sigma(w \\cdot x + b)$ is the probability of class 1 (here, a dog); predict class 1 when $\\hat{y} > 0.5$, which is exactly when $w \\cdot x + b > 0$.",
        },
      ],
    },
    {
      id: "objectives",
      title: "By the end, you'll be able to",
      blocks: [{ type: "objectives" }],
    },
    {
      id: "linear-fails",
      title: "The problem with plain linear regression for classification",
      objectiveId: "sigmoid",
      blocks: [
        {
          type: "paragraph",
          text: "Suppose you encode “cat” as 0 and “dog” as 1, then train a linear regression on the (image_features, 0_or_1) pairs. Two problems immediately appear.",
        },
        {
          type: "paragraph",
          text: "**Problem 1: the output isn't bounded.** Linear regression can output anything: 0.5, 1.7, −3, 100. None of those are useful when you want a 0 or 1.",
        },
        {
          type: "paragraph",
          text: "**Problem 2: there's no notion of confidence.** If the model outputs 1.4, what do you say? “More than dog”? Models that output unbounded numbers can't communicate “I'm 80% sure it's a dog.”",
        },
        {
          type: "widget",
          widget: "linear-vs-sigmoid",
          title: "A straight line through 0/1 labels",
          description:
            "A least-squares line through the lesson's 0/1 labels along $x_1$. Move the animal and read the line's output: 1.7 for a big one, −3 for a small one. Then switch on the sigmoid: the same score, squashed into $(0, 1)$.",
        },
        {
          type: "paragraph",
          text: "You need a function that takes the linear model's raw output (any real number) and maps it to $(0, 1)$, so you can interpret it as a probability.",
        },
      ],
    },
    {
      id: "sigmoid",
      title: "The sigmoid function",
      objectiveId: "sigmoid",
      blocks: [
        { type: "paragraph", text: "Enter the sigmoid:" },
        { type: "math", tex: "\\sigma(z) = \\frac{1}{1 + e^{-z}}" },
        {
          // The lesson says σ and Σ are "the same letter, different fonts": they are the lower-case and
          // capital forms of one Greek letter.
          type: "paragraph",
          text: "Where $e \\approx 2.718$, the base of natural logarithms. The lowercase Greek letter $\\sigma$ is “sigma” (different from the summation sign $\\Sigma$: the same letter, but its capital).",
        },
        { type: "paragraph", text: "Analyze its behavior. Plug in some values:" },
        {
          type: "list",
          items: [
            "$z = 0$: $\\sigma(0) = 1 / (1 + 1) = 0.5$",
            "$z = +\\infty$: $e^{-z} \\to 0$, so $\\sigma \\to 1 / (1 + 0) = 1$",
            "$z = -\\infty$: $e^{-z} \\to \\infty$, so $\\sigma \\to 1 / \\infty = 0$",
            "$z = +5$: $e^{-5} \\approx 0.0067$, so $\\sigma(5) \\approx 0.993$ (very confident “yes”)",
            "$z = -5$: $e^{5} \\approx 148.4$, so $\\sigma(-5) \\approx 0.0067$ (very confident “no”)",
          ],
        },
        {
          type: "paragraph",
          text: "So $\\sigma$ smoothly maps the entire real line onto $(0, 1)$. Big positive $z$ → close to 1. Big negative $z$ → close to 0. Zero $z$ → exactly 0.5. The shape is an S-curve.",
        },
        {
          type: "widget",
          widget: "sigmoid-explorer",
          title: "Sigmoid explorer",
          description:
            "Sketch the curve on paper first, then check it here: drag along the curve, use the slider or the arrow keys. Where does $\\sigma(z)$ cross the 0.5 line?",
        },
      ],
    },
    {
      id: "model",
      title: "Your classification model",
      objectiveId: "sigmoid",
      blocks: [
        { type: "paragraph", text: "Take the linear model from Phase 2 and wrap it in $\\sigma$:" },
        {
          type: "math",
          tex: "\\hat{y} = \\sigma(w \\cdot x + b) = \\frac{1}{1 + e^{-(w_1 x_1 + w_2 x_2 + \\cdots + b)}}",
        },
        {
          type: "paragraph",
          text: "That's logistic regression. The linear part is identical to Chapter 7's model. You just added one more step.",
        },
        {
          type: "paragraph",
          text: "The output $\\hat{y}$ is the model's predicted probability that this example is class 1. $\\hat{y} = 0.92$ means “92% confident class 1.” $\\hat{y} = 0.03$ means “97% confident class 0.” With dogs as class 1 and cats as class 0: 92% sure it's a dog, 97% sure it's a cat.",
        },
        { type: "paragraph", text: "To make a final yes/no decision, pick a threshold (default 0.5):" },
        { type: "math", tex: "\\text{predict class 1 if } \\hat{y} > 0.5, \\text{ else class 0}" },
        {
          type: "paragraph",
          text: "Because $\\sigma(0) = 0.5$ and $\\sigma$ only ever increases, $\\hat{y} > 0.5$ is the same as $w \\cdot x + b > 0$. A point exactly on the boundary ($\\hat{y} = 0.5$) goes to class 0. scikit-learn's `predict` does the same (class 1 where `decision_function(X) > 0`), and so does every figure and score on this site.",
        },
        {
          type: "paragraph",
          text: "**A useful identity.** The derivative of $\\sigma$ has a beautiful form:",
        },
        { type: "math", tex: "\\sigma'(z) = \\sigma(z)\\,\\bigl(1 - \\sigma(z)\\bigr)" },
        {
          type: "paragraph",
          text: "You won't derive it now (it's a clean exercise in the chain rule). It'll matter for backprop in Chapter 13. For now, notice that it is largest, 0.25, at $z = 0$ and almost zero once $|z|$ is large: far from the boundary the curve is flat. That flatness is about to cause trouble.",
        },
        {
          type: "quiz",
          objectiveId: "sigmoid",
          questionIds: [
            "sigmoid-at-zero",
            "sigmoid-of-z",
            "sigmoid-graph",
            "confidence-percent",
            "linear-regression-output",
          ],
        },
      ],
    },
    {
      id: "mse-fails",
      title: "Why MSE fails for classification",
      objectiveId: "mse-fails",
      blocks: [
        { type: "paragraph", text: "If you used MSE for classification, you'd write:" },
        { type: "math", tex: "J(w, b) = \\frac{1}{N} \\sum_{i=1}^{N} (\\hat{y}_i - y_i)^2" },
        { type: "paragraph", text: "where $\\hat{y}_i = \\sigma(w \\cdot x_i + b)$." },
        { type: "paragraph", text: "This technically works. But it has two ugly problems:" },
        {
          type: "paragraph",
          text: "**Problem 1: the cost surface is not convex.** With a sigmoid in the middle, MSE has multiple local minima. Gradient descent can get stuck. For nice convex linear regression, gradient descent always finds the global best. With sigmoid + MSE, it might not.",
        },
        {
          type: "paragraph",
          text: "**Problem 2: gradients vanish.** When $\\sigma(z)$ is very close to 0 or 1 (the model is very confident), $\\sigma'(z) \\approx 0$. And $\\sigma'$ shows up in the gradient via the chain rule. So when the model is confidently wrong ($\\sigma(z) \\approx 0$ but the answer was $y = 1$), the gradient is tiny, and gradient descent can barely make progress. Training stalls.",
        },
        {
          type: "widget",
          widget: "mse-vs-log-loss",
          title: "MSE versus log loss along one weight",
          description:
            "The model $\\hat{y} = \\sigma(w x_1)$ on the lesson's data: one weight, no bias. Move $w$ and compare the two costs and their slopes. Where the model is confidently wrong, MSE's slope all but vanishes; between the two minima the slopes even point in opposite directions.",
        },
        { type: "paragraph", text: "You need a different cost function that:" },
        {
          type: "list",
          items: [
            "Punishes confident wrong answers very harshly (so the gradient is big when you're wrong).",
            "Has a convex shape with sigmoid (so gradient descent converges nicely).",
          ],
        },
        { type: "paragraph", text: "Enter log loss." },
        {
          type: "quiz",
          objectiveId: "mse-fails",
          questionIds: ["why-not-mse", "mse-vanishing-factor", "mse-of-three"],
        },
      ],
    },
    {
      id: "log-loss",
      title: "Deriving log loss",
      objectiveId: "log-loss",
      blocks: [
        { type: "paragraph", text: "You want a cost function that:" },
        {
          type: "list",
          items: [
            "Is small when $\\hat{y} \\approx y$ (you predicted correctly)",
            "Grows large as $\\hat{y}$ moves away from $y$ (you predicted wrong)",
            "Grows very large when you are confidently wrong",
          ],
        },
        {
          type: "paragraph",
          text: "Consider one example with the true label $y = 1$. The model predicted $\\hat{y}$. You want a “loss for one example” that:",
        },
        {
          type: "list",
          items: [
            "Is near 0 when $\\hat{y} \\approx 1$ (you got it right)",
            "Goes to $\\infty$ when $\\hat{y} \\approx 0$ (you predicted “definitely class 0” but the answer was class 1)",
          ],
        },
        { type: "paragraph", text: "The function $-\\log(\\hat{y})$ does exactly this:" },
        {
          type: "list",
          items: [
            "When $\\hat{y} = 1$, $-\\log(1) = 0$.",
            "When $\\hat{y} = 0.5$, $-\\log(0.5) \\approx 0.69$.",
            "When $\\hat{y} = 0.01$, $-\\log(0.01) \\approx 4.6$.",
            "When $\\hat{y} \\to 0$, $-\\log(\\hat{y}) \\to \\infty$.",
          ],
        },
        { type: "paragraph", text: "So for $y = 1$, the per-example loss is $-\\log(\\hat{y})$." },
        { type: "paragraph", text: "Symmetrically, for $y = 0$:" },
        {
          type: "list",
          items: [
            "You want loss small when $\\hat{y} \\approx 0$ and huge when $\\hat{y} \\approx 1$.",
            "The function $-\\log(1 - \\hat{y})$ does this.",
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
          text: "You can combine these two cases into one formula using a clever trick. When $y = 1$, you want the $y = 1$ piece. When $y = 0$, you want the $y = 0$ piece. Multiply each piece by a factor that's 1 in its case and 0 in the other:",
        },
        {
          type: "math",
          tex: "L(\\hat{y}, y) = -\\bigl[\\,y \\log(\\hat{y}) + (1 - y) \\log(1 - \\hat{y})\\,\\bigr]",
        },
        { type: "paragraph", text: "Check it:" },
        {
          type: "list",
          items: [
            "If $y = 1$: the second term is $(1 - 1)\\log(1 - \\hat{y}) = 0$. The whole thing is $-\\log(\\hat{y})$. ✓",
            "If $y = 0$: the first term is $0 \\times \\log(\\hat{y}) = 0$. The whole thing is $-\\log(1 - \\hat{y})$. ✓",
          ],
        },
        { type: "paragraph", text: "Average over the dataset:" },
        {
          type: "math",
          tex: "J(w, b) = -\\frac{1}{N} \\sum_{i=1}^{N} \\bigl[\\,y_i \\log(\\hat{y}_i) + (1 - y_i) \\log(1 - \\hat{y}_i)\\,\\bigr]",
        },
        {
          type: "paragraph",
          text: "That's **log loss** (also called **binary cross-entropy** in deep learning circles). Same formula, different names. Lock it in.",
        },
        {
          // Corrected: on data a line separates perfectly, like the lesson's, log loss has no lowest point.
          type: "callout",
          tone: "tip",
          title: "Convex, but not always a bowl with a bottom",
          text: "Log loss is **convex** in $w$ and $b$: no local minima for gradient descent to get stuck in. On data that a straight line separates perfectly, like this lesson's, it has no lowest point at all: the loss keeps shrinking towards 0 as the weights grow, which is why the notebook's loop simply stops after 1000 steps.",
        },
      ],
    },
    {
      id: "gradient",
      title: "Why it works with sigmoid",
      objectiveId: "log-loss",
      blocks: [
        {
          type: "paragraph",
          text: "When you derive the gradient of log loss with respect to $w$, the $\\sigma'$ factor that caused vanishing gradients in MSE cancels out perfectly. The gradient ends up being:",
        },
        {
          type: "math",
          tex: "\\frac{\\partial J}{\\partial w} = \\frac{1}{N} \\sum_{i=1}^{N} (\\hat{y}_i - y_i)\\, x_i \\qquad \\frac{\\partial J}{\\partial b} = \\frac{1}{N} \\sum_{i=1}^{N} (\\hat{y}_i - y_i)",
        },
        {
          type: "paragraph",
          text: "Notice: this is the exact same form as the gradient for linear regression with MSE. The only difference is that $\\hat{y}_i$ now means $\\sigma(w \\cdot x_i + b)$ instead of just $w \\cdot x_i + b$.",
        },
        {
          type: "paragraph",
          text: "This is one of those “math is suspiciously beautiful” results. The combination of sigmoid + log loss gives clean gradients that don't vanish, and the gradient formula matches linear regression. There's deep statistical reasoning behind why it works (likelihood maximization), but the punchline is what matters: log loss is the right cost for classification because it makes everything else clean.",
        },
        {
          type: "callout",
          tone: "key",
          title: "Log loss is maximum likelihood",
          text: "Read $\\hat{y}_i$ as the probability the model gives to the label example $i$ actually has: $\\hat{y}_i$ if $y_i = 1$, $1 - \\hat{y}_i$ if $y_i = 0$. The likelihood of all the labels is the product of those probabilities; its log is the sum of their logs, and $J$ is minus that sum divided by $N$. So the $(w, b)$ with the smallest log loss is the one under which the labels you saw are most likely.",
        },
        {
          type: "paragraph",
          text: "Gradient descent repeats $w \\leftarrow w - \\alpha\\,\\partial J/\\partial w$ and $b \\leftarrow b - \\alpha\\,\\partial J/\\partial b$, with learning rate $\\alpha$.",
        },
        {
          type: "quiz",
          objectiveId: "log-loss",
          questionIds: ["log-loss-half", "example-log-loss", "log-loss-missing-term", "mean-log-loss"],
        },
      ],
    },
    {
      id: "decision-boundary",
      title: "The decision boundary",
      objectiveId: "decision-boundary",
      blocks: [
        {
          type: "paragraph",
          text: "For 2-feature classification, plot the data as a scatter plot, color-coded by class. The model learns:",
        },
        { type: "math", tex: "z = w_1 x_1 + w_2 x_2 + b" },
        {
          type: "paragraph",
          text: "The model predicts class 1 when $z > 0$ (which means $\\sigma(z) > 0.5$) and class 0 when $z < 0$. The boundary between is where $z = 0$:",
        },
        { type: "math", tex: "w_1 x_1 + w_2 x_2 + b = 0" },
        { type: "paragraph", text: "This is the equation of a line in the plane. Solve for $x_2$:" },
        { type: "math", tex: "x_2 = -\\frac{w_1}{w_2}\\, x_1 - \\frac{b}{w_2}" },
        {
          type: "paragraph",
          text: "It's a line with slope $-w_1/w_2$ and intercept $-b/w_2$. Logistic regression's decision boundary is a straight line.",
        },
        {
          type: "widget",
          widget: "boundary-explorer",
          title: "Boundary explorer",
          description:
            "Set $w_1$, $w_2$ and $b$ yourself. Can you reach 100% accuracy? Then make the log loss as small as you can. The shading is $\\sigma(z)$: blue for class 1 (dog), orange for class 0 (cat).",
        },
        {
          // Corrected: scaling w and b up lowers the log loss only when every point is on its right side.
          type: "paragraph",
          text: "The weights set the line's direction and $b$ shifts it. Multiplying $w$ and $b$ by the same positive number leaves the line where it is but pushes every probability towards 0 or 1. Whether that lowers the log loss depends on the data: if every point is on its correct side, it does, without limit (which is why separable data has no lowest loss). If even one point is on the wrong side, that point's loss grows without limit as the scale grows, and past some scale so does the total.",
        },
        {
          type: "paragraph",
          text: "The score $z$ measures confidence, not distance: a point's distance from the line is $|z| / \\lVert w \\rVert$. Doubling $w$ and $b$ doubles every score and moves no point at all.",
        },
        {
          type: "paragraph",
          text: "For 3 features, the boundary is a **plane**. For higher dimensions, a **hyperplane**. Logistic regression separates classes with linear boundaries.",
        },
      ],
    },
    {
      id: "limitation",
      title: "The limitation",
      objectiveId: "decision-boundary",
      blocks: [
        {
          type: "paragraph",
          text: "The limitation this makes obvious: if the orange dots and blue dots can't be separated by a straight line (e.g., orange dots in a circle inside a ring of blue), no logistic regression will work. You'd need a more flexible model. That's exactly what neural networks solve in Phase 4.",
        },
        {
          type: "paragraph",
          text: "No logistic regression on $x_1$ and $x_2$, that is. One escape works by hand: give the same model the extra features $x_1^2$ and $x_2^2$. A boundary that is straight in those four features is a circle (or ellipse) in the original plane.",
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
        {
          type: "quiz",
          objectiveId: "decision-boundary",
          questionIds: [
            "boundary-slope-own",
            "boundary-intercept-own",
            "distance-to-boundary",
            "separate-the-classes",
          ],
        },
      ],
    },
    {
      id: "from-scratch",
      title: "Implement logistic regression from scratch",
      objectiveId: "from-scratch",
      blocks: [
        {
          type: "paragraph",
          text: "Open Colab (or this site's coding lab, which runs the same exercise in JavaScript).",
        },
        {
          type: "code",
          language: "python",
          code: NOTEBOOK_LISTINGS.sigmoidPlot,
          caption: "The sigmoid, and a sanity-check plot",
          figure: "sigmoid-curve",
        },
        {
          type: "paragraph",
          text: "Now the model. Same shape as linear regression code from Chapter 6, three small changes:",
        },
        {
          type: "list",
          ordered: true,
          items: [
            "Predictions go through $\\sigma$.",
            "Cost is log loss.",
            "Gradients are the same form (clean!).",
          ],
        },
        {
          type: "code",
          language: "python",
          code: NOTEBOOK_LISTINGS.data,
          caption: "Generate and plot the data",
          figure: "data-scatter",
        },
        { type: "paragraph", text: "Now logistic regression from scratch:" },
        {
          type: "code",
          language: "python",
          code: NOTEBOOK_LISTINGS.fromScratch,
          caption: "Logistic regression from scratch",
          output: "from-scratch",
        },
        {
          type: "code",
          language: "python",
          code: NOTEBOOK_LISTINGS.lossCurve,
          caption: "Plot the loss history",
          figure: "loss-curve",
        },
        {
          // Corrected: the listing defines four functions, not six.
          type: "paragraph",
          text: "Smooth, fast convergence. That's logistic regression. Four functions, gradient descent, sigmoid wrapper. You just wrote the algorithm Gmail uses for spam, scaled down.",
        },
        {
          type: "widget",
          widget: "train-from-scratch",
          title: "Train from scratch",
          description:
            "The notebook's loop, run in your browser on the same 100 points: at learning rate 0.1 and 1000 steps it lands on the printed numbers. Then turn the learning rate up. On the notebook's data even 3 converges smoothly (its features are small and the classes separate cleanly). Switch to the cats and dogs measured in kg and cm, unscaled: at 0.03 the loss still falls steadily, but at 1 or 3 it leaps far above its starting 0.69 and zig-zags for hundreds of steps.",
        },
        {
          type: "quiz",
          objectiveId: "from-scratch",
          questionIds: [
            "gradient-missing-term",
            "first-update-bias",
            "gradient-db",
            "learning-rate-too-high",
            "notebook-final-loss",
          ],
        },
      ],
    },
    {
      id: "visualize-boundary",
      title: "Visualize the decision boundary",
      objectiveId: "decision-boundary",
      blocks: [
        {
          type: "code",
          language: "python",
          code: NOTEBOOK_LISTINGS.boundary,
          caption: "Plot the decision boundary",
          figure: "decision-boundary",
        },
        {
          type: "paragraph",
          text: "The red line cleanly separates the two clusters. That line is exactly the equation $w_1 x_1 + w_2 x_2 + b = 0$. The model learned where to put it.",
        },
      ],
    },
    {
      id: "scikit-learn",
      title: "scikit-learn equivalent",
      objectiveId: "from-scratch",
      blocks: [
        { type: "paragraph", text: "After the from-scratch version, see the one-liner:" },
        {
          type: "code",
          language: "python",
          code: NOTEBOOK_LISTINGS.sklearn,
          caption: "scikit-learn",
          output: "sklearn",
        },
        {
          // Corrected: on this data the weights differ by about a third, not "give or take".
          type: "paragraph",
          text: "The lesson says the numbers match, give or take small differences in regularization defaults. Here the difference is not small: $[1.6263,\\ 1.3061]$ and $-0.3745$ against your $[2.2233,\\ 1.8234]$ and $-0.3127$. The boundary points almost the same way and both classify every point correctly, but the weights are about a third smaller. That is the regularization default: `LogisticRegression()` adds an **L2 penalty** and minimises",
        },
        {
          type: "math",
          tex: "C \\sum_{i=1}^{N} L(\\hat{y}_i, y_i) + \\tfrac{1}{2}\\lVert w \\rVert^2, \\qquad C = 1",
        },
        {
          type: "paragraph",
          text: "so large weights cost something and it settles on smaller ones. Your loop has no penalty and simply stops after 1000 steps; on data this cleanly separated, its weights would keep growing if it ran longer. The comparison table under the training widget shows both fits side by side. Its `predict` uses the same rule as your accuracy line: class 1 where `decision_function(X) > 0`, that is $\\hat{y} > 0.5$.",
        },
        {
          type: "paragraph",
          text: "Now you understand what sklearn is doing. Always understand a thing before you outsource it.",
        },
        {
          type: "quiz",
          objectiveId: "from-scratch",
          questionIds: [
            "sklearn-fit-call",
            "sklearn-smaller-weights",
            "sklearn-penalty",
            "sklearn-predict-threshold",
          ],
        },
      ],
    },
    {
      id: "vocabulary",
      title: "Vocabulary",
      blocks: [
        {
          type: "table",
          caption: "The lesson's vocabulary",
          head: ["Term", "Meaning"],
          rows: [
            ["Classification", "Predicting a category instead of a number."],
            [
              "Logistic regression",
              "Linear regression + sigmoid + log loss. Despite the name, it's a classification algorithm.",
            ],
            ["Sigmoid ($\\sigma$)", "The S-shaped function $1/(1+e^{-z})$."],
            [
              "Decision boundary",
              "The line/plane in feature space where the model switches from class 0 to class 1.",
            ],
            ["Log loss / binary cross-entropy", "The standard cost function for binary classification."],
          ],
        },
        {
          type: "table",
          caption: "More words used on this page",
          head: ["Term", "Meaning"],
          rows: [
            ["Logit / log-odds", "The score $z = w \\cdot x + b$ before the sigmoid."],
            [
              "Threshold",
              "The probability above which we predict class 1: $\\hat{y} > 0.5$ unless you choose otherwise.",
            ],
            [
              "Convex",
              "Bowl-shaped without separate valleys: every downhill path heads towards the lowest value (which, on separable data, is approached but never reached).",
            ],
            ["Vanishing gradient", "A gradient so close to zero that learning stalls."],
            [
              "Likelihood",
              "How probable the model makes the labels you observed; log loss is minus its log, per example.",
            ],
            ["Hyperplane", "The flat boundary $w \\cdot x + b = 0$ in any number of dimensions."],
            [
              "Feature engineering",
              "Adding new inputs such as $x_1^2$ so a linear model can draw curved boundaries.",
            ],
            ["Regularization (L2)", "A penalty on large weights; scikit-learn's default, set by $C$."],
          ],
        },
      ],
    },
    {
      id: "next-up",
      title: "Next up: Chapter 9 — When models lie",
      blocks: [
        {
          type: "paragraph",
          text: "You can build a model that classifies. But how do you know it's actually good? You could fit your training data perfectly and still be useless on new data. That's overfitting, and detecting it is the most important practical skill in ML. Next: train/test splits, the overfitting curve, and L2 regularization.",
        },
      ],
    },
  ],
};

import type { LessonMeta } from "./lesson-types";

/** The lesson's identity and objectives, shared by the lesson page, quizzes and progress. */
export const catsOrDogsMeta = {
  slug: "cats-or-dogs",
  phase: 3,
  session: 8,
  title: "Cats or Dogs?",
  minutes: 50,
  bigIdea:
    "Logistic regression turns a straight line into a probability: squash w·x + b through the sigmoid, " +
    "measure mistakes with log loss, and let gradient descent find the boundary between two classes.",
  objectives: [
    {
      id: "sigmoid",
      short: "Sigmoid",
      text: "Explain why linear regression fails for classification and how the sigmoid fixes it",
    },
    {
      id: "log-loss",
      short: "Log loss",
      text: "Derive log loss (binary cross-entropy) and explain why MSE fails for classification",
    },
    {
      id: "from-scratch",
      short: "From scratch",
      text: "Implement logistic regression in numpy from scratch",
    },
    {
      id: "decision-boundary",
      short: "Decision boundary",
      text: "Find and interpret the decision boundary w·x + b = 0",
    },
    {
      id: "scikit-learn",
      short: "scikit-learn",
      text: "Train the same model with scikit-learn and explain the difference",
    },
  ],
} as const satisfies LessonMeta;

export type CatsOrDogsObjectiveId = (typeof catsOrDogsMeta.objectives)[number]["id"];

import type { LessonMeta } from "./lesson-types";

/** The lesson's identity and objectives, shared by the lesson page, quizzes and progress. */
export const catsOrDogsMeta = {
  slug: "cats-or-dogs",
  phase: 3,
  session: 8,
  title: "Cats or Dogs?",
  minutes: 50,
  bigIdea:
    "Linear regression predicts numbers. To predict a category, wrap the linear model in a \"squish function\" called the sigmoid that maps any number to (0, 1). That's a probability. You'll derive the sigmoid, derive why MSE fails for classification, derive log loss, and code logistic regression from scratch.",
  /** "By the end, you'll be able to", worded exactly as the lesson words them. */
  objectives: [
    { id: "sigmoid", short: "Sigmoid", text: "Write the sigmoid formula and sketch its graph" },
    { id: "mse-fails", short: "Why not MSE", text: "Explain why MSE breaks for classification" },
    { id: "log-loss", short: "Log loss", text: "Write the log loss formula and explain each piece" },
    {
      id: "from-scratch",
      short: "From scratch",
      text: "Implement logistic regression in numpy from scratch",
    },
    {
      id: "decision-boundary",
      short: "Decision boundary",
      text: "Identify a decision boundary on a scatter plot",
    },
  ],
} as const satisfies LessonMeta;

export type CatsOrDogsObjectiveId = (typeof catsOrDogsMeta.objectives)[number]["id"];

import "server-only";
import { accuracy, type Dataset, logLoss, type Model, seedBlobs } from "@margin/core";

let lessonData: Dataset | undefined;

/** The lesson's data, generated once per process (it is deterministic). */
export function lessonDataset(): Dataset {
  lessonData ??= seedBlobs();
  return lessonData;
}

/** The server's own figures for a model: what a browser claims is never stored. */
export function scoreModel(model: Model) {
  const data = lessonDataset();
  return { logLoss: logLoss(model, data), accuracy: accuracy(model, data) };
}

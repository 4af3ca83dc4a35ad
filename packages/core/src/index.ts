export { type BlobsOptions, seedBlobs } from "./blobs";
export {
  type BoundaryLine,
  type Box,
  boundaryLine,
  decisionBoundary,
  type Segment,
} from "./boundary";
export { type BoundaryPath, boundaryPaths, DEFAULT_CONTOUR_RESOLUTION } from "./boundary-curve";
export { CATS_VS_DOGS_FEATURES, type CatsVsDogsOptions, catsVsDogs } from "./cats-vs-dogs";
export {
  assertChallengeDatasetSpec,
  CHALLENGE_DATASET_KINDS,
  CHALLENGE_KNOBS,
  type ChallengeDatasetKind,
  type ChallengeDatasetSpec,
  type ChallengeDatasets,
  challengeDatasets,
  challengeTrainingData,
  HELD_OUT_SECRET_PATTERN,
  MAX_CHALLENGE_NOISE,
  MAX_CHALLENGE_POINTS,
} from "./challenge-data";
export {
  CHALLENGE_PRESETS,
  type ChallengeDataSettings,
  type ChallengePreset,
  DEFAULT_CHALLENGE_PRESET,
  DEFAULT_TRAINING_SETTINGS,
  TRAINING_CONTROL_STEPS,
  type TrainingControl,
} from "./challenge-presets";
export { createDataset, type Dataset, datasetFromArrays, row, toRows } from "./dataset";
export { CoreError, type CoreErrorCode, isCoreError } from "./errors";
export {
  allowedFeatures,
  assertFeatures,
  canonicalFeatures,
  decisionAt,
  expandFeatures,
  FEATURE_CROSSES,
  FEATURE_CROSSES_CONTROL,
  FEATURE_LABELS,
  FEATURES,
  type FeatureModel,
  type FeatureName,
  featureListProblem,
  featureRefusal,
  featureValue,
  isFeatureName,
  isLinear,
  LINEAR_FEATURES,
  type Quadratic,
  quadraticAt,
  quadraticOf,
} from "./features";
export { fitLikeSklearn, type SklearnFit, type SklearnFitOptions } from "./fit-sklearn";
export { type GradientOptions, gradients } from "./gradients";
export { LOG_LOSS_EPS, type LossKind, l2Penalty, logLoss, mseLoss } from "./loss";
export { accuracy, type ConfusionMatrix, confusionMatrix } from "./metrics";
export { type Model, zeroModel } from "./model";
export { decisionFunction, predict, predictedLabel, predictProba, probabilityAt } from "./predict";
export { type NumpySeed, RandomState } from "./random";
export { type BestAchievable, baseRateModel, bestAchievableModel } from "./reference-models";
export { sigmoid, sigmoidDerivative } from "./sigmoid";
export { type Split, type SplitOptions, trainTestSplit } from "./split";
export { applyScaler, fitScaler, type Scaler, standardize, unscaleModel } from "./standardize";
export {
  evaluateSubmission,
  rawSubmission,
  type Standardisation,
  type Submission,
  type SubmissionEvaluation,
  scoreSubmission,
} from "./submission";
export { circles, moons, type ToyOptions, xor } from "./toy-datasets";
export { MAX_ITERATIONS, type TrainOptions, type TrainProgress, type TrainResult, trainGD } from "./train";

export {
  PROGRESS_INTERVAL_MS,
  type TrainerApi,
  type TrainRequest,
  type TrainResultJson,
  trainerApi,
} from "./api";
export { createTrainerClient, type TrainerClient } from "./client";
export { newRunId } from "./run-id";

import { proxy, releaseProxy, transfer, wrap } from "comlink";
import type { TrainProgress } from "../train";
import type { TrainerApi, TrainRequest, TrainResultJson } from "./api";
import { reviveCoreError } from "./errors";

/** The page's handle on a trainer worker. */
export interface TrainerClient {
  /**
   * Trains in the worker. `req.x` and `req.y` are *transferred*: their buffers are detached here
   * afterwards (pass copies, e.g. `dataset.x.slice()`, to keep using the originals).
   * Rejects with a CoreError for bad input.
   */
  train(req: TrainRequest, onProgress?: (p: TrainProgress) => void): Promise<TrainResultJson>;
  /** Asks the worker to stop run `runId`; its `train` resolves with `cancelled: true`. */
  cancel(runId: string): Promise<void>;
  /** Releases the Comlink proxy and terminates the worker. */
  terminate(): void;
}

function transferablesOf(req: TrainRequest): Transferable[] {
  const buffers = new Set<ArrayBuffer>();
  for (const array of [req.x, req.y]) {
    // A SharedArrayBuffer cannot be transferred, and listing one buffer twice throws DataCloneError.
    if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  }
  return [...buffers];
}

/** Wraps a worker that runs `expose(trainerApi, self)` in a typed client (Comlink under the hood). */
export function createTrainerClient(worker: Worker): TrainerClient {
  const remote = wrap<TrainerApi>(worker);
  return {
    async train(req, onProgress) {
      try {
        return await remote.train(
          transfer(req, transferablesOf(req)),
          onProgress === undefined ? undefined : proxy(onProgress),
        );
      } catch (error) {
        throw reviveCoreError(error);
      }
    },
    cancel(runId) {
      return remote.cancel(runId);
    },
    terminate() {
      remote[releaseProxy]();
      worker.terminate();
    },
  };
}

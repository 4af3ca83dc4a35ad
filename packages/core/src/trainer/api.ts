import { releaseProxy } from "comlink";
import { type Dataset, datasetFromArrays } from "../dataset";
import { CoreError } from "../errors";
import { expandFeatures, type FeatureName } from "../features";
import type { LossKind } from "../loss";
import { type Model, zeroModel } from "../model";
import { applyScaler, fitScaler, unscaleModel } from "../standardize";
import { assertTrainOptions, type TrainProgress, trainGD } from "../train";
import { toWireError } from "./errors";

/** One training job sent to the worker. `x` (row-major n × d) and `y` are transferred, not copied. */
export interface TrainRequest {
  runId: string;
  x: Float64Array;
  y: Float64Array;
  d: number;
  learningRate: number;
  iterations: number;
  l2?: number;
  loss?: LossKind;
  /** Where descent starts, in the space it runs in (standardised when `standardise`). */
  initial?: Model;
  /**
   * Train on φ(x) instead of x: `x` holds raw points (d = 2) and the worker computes these features
   * itself; the model has one weight per feature, in this order.
   */
  features?: readonly FeatureName[];
  /**
   * Descend on standardised features ((φ(x) − μ)/σ, fitted on this data); every model reported (progress
   * and result) is mapped back to raw units, so callers draw and send it as is.
   */
  standardise?: boolean;
}

/** The worker's answer: plain data that survives structured cloning (and JSON.stringify). */
export interface TrainResultJson {
  runId: string;
  model: Model;
  /** lossHistory[k] is the loss after update k + 1, as in `trainGD`. */
  lossHistory: number[];
  iterations: number;
  cancelled: boolean;
  elapsedMs: number;
}

/** At most one progress message per animation frame (~16 ms), plus always the final one. */
export const PROGRESS_INTERVAL_MS = 16;
// Work between two looks at the message queue: short enough that cancel() lands within a frame.
const SLICE_MS = 8;
const FIRST_SLICE_POINT_ITERATIONS = 50_000;

const runs = new Map<string, AbortController>();

function now(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}

// A MessageChannel round trip is a macrotask without setTimeout's 4 ms clamp on nested timers.
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function release(callback: unknown): void {
  const release = (callback as { [releaseProxy]?: unknown } | undefined)?.[releaseProxy];
  if (typeof release === "function") {
    try {
      release();
    } catch {
      // Already released or the page went away: nothing left to free.
    }
  }
}

/** What descent runs on, and how to report its models in the caller's (raw) units. */
function trainingSpace(request: TrainRequest): { data: Dataset; toRaw: (model: Model) => Model } {
  const raw = datasetFromArrays(request.x, request.y, request.d);
  const data = request.features ? expandFeatures(raw, request.features) : raw;
  if (!request.standardise) return { data, toRaw: (model) => model };
  const scaler = fitScaler(data);
  return { data: applyScaler(scaler, data), toRaw: (model) => unscaleModel(model, scaler) };
}

/**
 * Runs `trainGD` in time slices so cancel messages get through, sending at most one progress
 * update per {@link PROGRESS_INTERVAL_MS}. Slicing is exact: gradient descent's only state is (w, b),
 * so resuming from the last model reproduces an uninterrupted run bit for bit.
 */
async function train(
  request: TrainRequest,
  onProgress?: (p: TrainProgress) => void,
): Promise<TrainResultJson> {
  const started = now();
  try {
    const { runId, learningRate, iterations } = request;
    if (typeof runId !== "string" || runId.length === 0) {
      throw new CoreError("BAD_OPTION", "runId must be a non-empty string");
    }
    if (runs.has(runId)) throw new CoreError("BAD_OPTION", `run "${runId}" is already training`);
    const { data, toRaw } = trainingSpace(request);
    const loss = request.loss ?? "log";
    const l2 = request.l2 ?? 0;
    assertTrainOptions({ learningRate, iterations, loss, l2 });
    const controller = new AbortController();
    runs.set(runId, controller);
    try {
      let model = request.initial ?? zeroModel(data.d);
      const history = new Float64Array(iterations);
      let done = 0;
      let lastReport = Number.NEGATIVE_INFINITY;
      let slice = Math.max(1, Math.floor(FIRST_SLICE_POINT_ITERATIONS / data.n));
      while (done < iterations && !controller.signal.aborted) {
        const count = Math.min(slice, iterations - done);
        const t0 = now();
        const result = trainGD(data, { learningRate, iterations: count, initial: model, loss, l2 });
        const elapsed = now() - t0;
        history.set(result.lossHistory, done);
        done += count;
        model = result.model;
        slice = Math.max(1, Math.min(10 * count, Math.round((count * SLICE_MS) / Math.max(elapsed, 0.05))));
        const reportTime = now();
        if (
          onProgress !== undefined &&
          done < iterations &&
          reportTime - lastReport >= PROGRESS_INTERVAL_MS
        ) {
          lastReport = reportTime;
          void onProgress({ iteration: done, model: toRaw(model), loss: history[done - 1] as number });
        }
        if (done < iterations) await yieldToEventLoop();
      }
      if (onProgress !== undefined && done > 0) {
        await onProgress({ iteration: done, model: toRaw(model), loss: history[done - 1] as number });
      }
      return {
        runId,
        model: toRaw(model),
        lossHistory: Array.from(history.subarray(0, done)),
        iterations: done,
        cancelled: done < iterations,
        elapsedMs: now() - started,
      };
    } finally {
      runs.delete(runId);
    }
  } catch (error) {
    throw toWireError(error);
  } finally {
    release(onProgress);
  }
}

/**
 * The worker-side API, exposed as is: `expose(trainerApi, self)`. No DOM and no Node APIs, so the same
 * object runs in a browser worker, in a Node test through @vitest/web-worker, or directly in-process.
 */
export const trainerApi = {
  train,
  /** Stops run `runId` at its next slice boundary; its `train` promise resolves with `cancelled: true`. */
  cancel(runId: string): void {
    runs.get(runId)?.abort();
  },
  /** Stops every run in this worker. */
  cancelAll(): void {
    for (const controller of runs.values()) controller.abort();
  },
  /** Ids of the runs currently training. */
  activeRuns(): string[] {
    return [...runs.keys()];
  },
};

/** The type to give `Comlink.wrap`. */
export type TrainerApi = typeof trainerApi;

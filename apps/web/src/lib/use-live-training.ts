"use client";

import { type Dataset, type FeatureModel, type FeatureName, LINEAR_FEATURES } from "@margin/core";
import { newRunId } from "@margin/core/trainer";
import type { LossPoint } from "@margin/ui/loss-chart";
import { useRef, useState } from "react";
import { useTrainer } from "./use-trainer";

/** Enough points for a smooth curve on any screen; longer runs are thinned to about this many. */
const MAX_CURVE_POINTS = 250;

export interface LiveRunOptions {
  learningRate: number;
  iterations: number;
  l2?: number;
  /** The features to train on, computed in the worker from the raw points (default x₁, x₂). */
  features?: readonly FeatureName[];
  /**
   * Train on standardised features (fitted on `data` in the worker); the model is mapped back to raw
   * units before anyone sees it.
   */
  standardise?: boolean;
  /** Every model on the way, in raw units (`final` for the last one): draw it, send it. */
  onModel: (model: FeatureModel, iteration: number, final: boolean) => void;
}

export interface LiveRunResult {
  model: FeatureModel;
  iterations: number;
  cancelled: boolean;
}

const UNTRAINED: FeatureModel = { w: [0, 0], b: 0, features: LINEAR_FEATURES };

/**
 * One gradient-descent run at a time in the Comlink worker, for the student's practice and challenge
 * screens: the current model (with the features its weights belong to) and loss curve as state, progress
 * models passed to `onModel` as they come, and a Stop that cancels the worker's run.
 */
export function useLiveTraining(initial: FeatureModel = UNTRAINED) {
  const getTrainer = useTrainer();
  const [model, setModel] = useState<FeatureModel>(initial);
  const [curve, setCurve] = useState<LossPoint[]>([]);
  const [runId, setRunId] = useState<string | null>(null);
  const active = useRef<string | null>(null);

  async function train(data: Dataset, options: LiveRunOptions): Promise<LiveRunResult | null> {
    if (active.current) return null;
    const {
      learningRate,
      iterations,
      l2 = 0,
      features = LINEAR_FEATURES,
      standardise = false,
      onModel,
    } = options;
    const withFeatures = (fitted: { w: readonly number[]; b: number }): FeatureModel => ({
      w: fitted.w,
      b: fitted.b,
      features,
    });
    const id = newRunId("live");
    active.current = id;
    setRunId(id);
    setCurve([]);
    try {
      const result = await getTrainer().train(
        // Copies: the typed arrays are transferred to the worker, which detaches them here.
        {
          runId: id,
          x: data.x.slice(),
          y: data.y.slice(),
          d: data.d,
          learningRate,
          iterations,
          l2,
          features,
          standardise,
        },
        (progress) => {
          const raw = withFeatures(progress.model);
          setModel(raw);
          setCurve((previous) => [...previous, { iteration: progress.iteration, loss: progress.loss }]);
          onModel(raw, progress.iteration, false);
        },
      );
      // The worker's full history replaces the progress samples, thinned for drawing.
      const stride = Math.max(1, Math.floor(result.lossHistory.length / MAX_CURVE_POINTS));
      const history = Array.from(result.lossHistory, (loss, index) => ({ iteration: index + 1, loss }));
      setCurve(
        // The first step stays: it is where the curve (and its caption, "fell from …") starts.
        history.filter(
          (point) =>
            point.iteration === 1 || point.iteration % stride === 0 || point.iteration === history.length,
        ),
      );
      const raw = withFeatures(result.model);
      setModel(raw);
      onModel(raw, result.iterations, true);
      return { model: raw, iterations: result.iterations, cancelled: result.cancelled };
    } finally {
      active.current = null;
      setRunId(null);
    }
  }

  function cancel() {
    if (active.current) void getTrainer().cancel(active.current);
  }

  return { model, setModel, curve, running: runId !== null, train, cancel };
}

"use client";

import { decisionBoundary, type Model, sigmoid } from "@margin/core";
import { FunctionChart } from "@margin/ui/function-chart";
import { LossChart, type LossPoint } from "@margin/ui/loss-chart";
import { ScatterBoundaryChart } from "@margin/ui/scatter-boundary-chart";
import { sample } from "@margin/ui/widgets/widget-kit";
import type { ListingFigure as FigureKind } from "~/content/lesson-types";
import { describeModel } from "~/lib/format";
import { LESSON_BOX, lessonData } from "~/lib/lesson-data";

/** The notebook's trained model and loss history, computed once on the server and passed down. */
export interface NotebookFit {
  model: Model;
  /** Thinned for drawing; every point is a real step of the 1000. */
  losses: readonly LossPoint[];
  iterations: number;
}

// matplotlib's names for the lesson's two classes: orange for class 0, blue for class 1.
const CLASS_NAMES = ["class 0", "class 1"] as const;
const AXES = ["x1", "x2"] as const;
const SIGMOID = sample(sigmoid, -10, 10, 100);
// matplotlib draws the boundary over np.linspace(X[:, 0].min(), X[:, 0].max(), 100) only.
const DATA_X_RANGE = (() => {
  const x1 = lessonData().points.map((point) => point.x);
  return { ...LESSON_BOX, xMin: Math.min(...x1), xMax: Math.max(...x1) };
})();

/** Our chart of what a listing's plotting code draws, from the same data (the trained ones need `fit`). */
export function ListingFigure({ kind, fit }: { kind: FigureKind; fit?: NotebookFit }) {
  const { points } = lessonData();
  switch (kind) {
    case "sigmoid-curve":
      return (
        <FunctionChart
          title="Sigmoid: maps any z to (0, 1)"
          summary="σ(z) for 100 values of z from −10 to 10: an S-curve from near 0 to near 1, crossing the dashed 0.5 line at z = 0, with lines at 0 and 1."
          xDomain={[-10, 10]}
          yDomain={[-0.05, 1.05]}
          xTicks={[-10, -5, 0, 5, 10]}
          yTicks={[0, 0.25, 0.5, 0.75, 1]}
          axisLabels={["z", "σ(z)"]}
          series={[{ id: "sigmoid", name: "sigmoid(z)", color: "var(--ml-primary)", points: SIGMOID }]}
          references={[
            { id: "half", axis: "y", value: 0.5, color: "var(--ml-text-muted)" },
            { id: "zero", axis: "y", value: 0, color: "var(--ml-text)" },
            { id: "one", axis: "y", value: 1, color: "var(--ml-text)" },
          ]}
        />
      );
    case "data-scatter":
      return (
        <ScatterBoundaryChart
          title="The lesson's data"
          points={points}
          box={LESSON_BOX}
          boundaries={[]}
          classNames={CLASS_NAMES}
          axisLabels={AXES}
        />
      );
    case "loss-curve":
      return (
        <LossChart
          title="Training a logistic regression from scratch"
          points={fit?.losses ?? []}
          maxIteration={fit?.iterations}
        />
      );
    case "decision-boundary":
      if (!fit) return null;
      return (
        <ScatterBoundaryChart
          title="The decision boundary the loop learned"
          points={points}
          box={LESSON_BOX}
          classNames={CLASS_NAMES}
          axisLabels={AXES}
          boundaries={[
            {
              id: "boundary",
              name: "decision boundary",
              color: "var(--ml-danger)",
              segment: decisionBoundary(fit.model, DATA_X_RANGE),
              description: describeModel(fit.model.w, fit.model.b),
              emphasized: true,
            },
          ]}
        />
      );
  }
}

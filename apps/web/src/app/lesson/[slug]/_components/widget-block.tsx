"use client";

import { BoundaryExplorer } from "@margin/ui/widgets/boundary-explorer";
import { LinearVsSigmoid } from "@margin/ui/widgets/linear-vs-sigmoid";
import { MseVsLogLoss } from "@margin/ui/widgets/mse-vs-log-loss";
import { PerExampleLoss } from "@margin/ui/widgets/per-example-loss";
import { RingFeatures } from "@margin/ui/widgets/ring-features";
import { SigmoidExplorer } from "@margin/ui/widgets/sigmoid-explorer";
import { TrainFromScratch } from "@margin/ui/widgets/train-from-scratch";
import type { WidgetTrainer } from "@margin/ui/widgets/widget-kit";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { WidgetKind } from "~/content/lesson-types";
import { KG_CM_AXES, KG_CM_BOX, kgCmData, LESSON_BOX, lessonData } from "~/lib/lesson-data";
import { sklearnEquivalent } from "~/lib/lesson-sklearn";
import {
  type AnyWidgetState,
  ITERATION_CHOICES,
  LEARNING_RATES,
  type WidgetState,
  withWidgetState,
} from "~/lib/lesson-url-state";
import { useTrainer } from "~/lib/use-trainer";
import { useProgress } from "./progress-context";
import { ShareExercise } from "./share-exercise";

/** Slider drags change state many times a second; browsers throttle history updates, so batch them. */
const URL_WRITE_DELAY_MS = 250;

export interface WidgetBlockProps {
  kind: WidgetKind;
  title: string;
  description: ReactNode;
  /** Parsed from the URL on the server, so the first paint already shows a shared exercise. */
  initialState: AnyWidgetState;
  hidden: readonly string[];
}

export function widgetAnchor(kind: WidgetKind): string {
  return `widget-${kind}`;
}

export function WidgetBlock({ kind, title, description, initialState, hidden }: WidgetBlockProps) {
  const [state, setState] = useState<AnyWidgetState>(initialState);
  const { markWidgetUsed } = useProgress();
  const used = useRef(false);
  const touched = useRef(false);
  const markUsed = useCallback(() => {
    if (used.current) return;
    used.current = true;
    markWidgetUsed(kind);
  }, [markWidgetUsed, kind]);

  const onChange = useCallback(
    (patch: Partial<AnyWidgetState>) => {
      touched.current = true;
      markUsed();
      setState((previous) => ({ ...previous, ...patch }) as AnyWidgetState);
    },
    [markUsed],
  );

  useEffect(() => {
    // Only the learner's own changes are written: the initial state came from the URL already.
    if (!touched.current) return;
    const timer = setTimeout(() => {
      const params = withWidgetState(kind, state, new URLSearchParams(window.location.search));
      const query = params.toString();
      const next = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
      const current = `${window.location.pathname}${window.location.search}${window.location.hash}`;
      // Keeping history.state lets Next's router keep its own bookkeeping for this entry.
      if (next !== current) window.history.replaceState(window.history.state, "", next);
    }, URL_WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [kind, state]);

  const getTrainer = useTrainer();
  const trainer = useMemo<WidgetTrainer>(
    () => ({
      train: (request, onProgress) => getTrainer().train(request, onProgress),
      cancel: (runId) => getTrainer().cancel(runId),
    }),
    [getTrainer],
  );

  const headingId = `${widgetAnchor(kind)}-title`;
  const widget = (
    <div
      className="ml-widget-body"
      onPointerDownCapture={markUsed}
      onKeyDownCapture={(event) => {
        if (event.key !== "Tab" && event.key !== "Shift") markUsed();
      }}
    >
      {renderWidget(kind, state, onChange, hidden, trainer)}
    </div>
  );

  return (
    <section
      id={widgetAnchor(kind)}
      className="ml-widget-card"
      aria-labelledby={headingId}
      data-widget={kind}
    >
      <header className="ml-widget-header">
        <p className="ml-eyebrow">Try it</p>
        <h3 id={headingId}>{title}</h3>
        <p className="ml-widget-description">{description}</p>
      </header>
      {widget}
      <ShareExercise kind={kind} state={state} initialHidden={hidden} anchor={widgetAnchor(kind)} />
    </section>
  );
}

function renderWidget(
  kind: WidgetKind,
  state: AnyWidgetState,
  onChange: (patch: Partial<AnyWidgetState>) => void,
  hidden: readonly string[],
  trainer: WidgetTrainer,
): ReactNode {
  const { data, points } = lessonData();
  switch (kind) {
    case "sigmoid-explorer":
      return (
        <SigmoidExplorer state={state as WidgetState<typeof kind>} onChange={onChange} hidden={hidden} />
      );
    case "linear-vs-sigmoid":
      return (
        <LinearVsSigmoid
          state={state as WidgetState<typeof kind>}
          onChange={onChange}
          hidden={hidden}
          points={points}
        />
      );
    case "per-example-loss":
      return <PerExampleLoss state={state as WidgetState<typeof kind>} onChange={onChange} hidden={hidden} />;
    case "mse-vs-log-loss":
      return (
        <MseVsLogLoss
          state={state as WidgetState<typeof kind>}
          onChange={onChange}
          hidden={hidden}
          points={points}
        />
      );
    case "boundary-explorer":
      return (
        <BoundaryExplorer
          state={state as WidgetState<typeof kind>}
          onChange={onChange}
          hidden={hidden}
          data={data}
          points={points}
          box={LESSON_BOX}
        />
      );
    case "train-from-scratch":
      return (
        <TrainFromScratch
          state={state as WidgetState<typeof kind>}
          onChange={onChange}
          hidden={hidden}
          notebook={{
            data,
            points,
            box: LESSON_BOX,
            axisLabels: ["x₁", "x₂"],
            classNames: ["Cats", "Dogs"],
            sklearn: sklearnEquivalent(data.n),
          }}
          kgCm={{
            ...kgCmData(),
            box: KG_CM_BOX,
            axisLabels: KG_CM_AXES,
            classNames: ["Cats", "Dogs"],
            sklearn: null,
          }}
          trainer={trainer}
          learningRates={LEARNING_RATES}
          iterationChoices={ITERATION_CHOICES}
        />
      );
    case "ring-features":
      return (
        <RingFeatures
          state={state as WidgetState<typeof kind>}
          onChange={onChange}
          hidden={hidden}
          trainer={trainer}
        />
      );
  }
}

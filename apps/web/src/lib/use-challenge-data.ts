"use client";

import type { Box, Dataset } from "@margin/core";
import type { LabelledPoint } from "@margin/ui/scatter-boundary-chart";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "~/trpc/react";
import { boxAround, toDataset, toPoints } from "./challenge-data";

const LOADING_BOX: Box = { xMin: -6, xMax: 6, yMin: -6, yMax: 6 };

/**
 * A challenge's training points as every screen draws them (the student's, the dashboard, the
 * projector): the data set, the chart's points, a window around them and the axis labels.
 */
export function useChallengeTrainingData(challengeId: string): {
  data: Dataset | null;
  points: LabelledPoint[];
  box: Box;
  axisLabels: [string, string];
} {
  const trpc = useTRPC();
  const training = useQuery(trpc.challenge.trainingData.queryOptions({ challengeId }));
  const data = useMemo(() => (training.data ? toDataset(training.data) : null), [training.data]);
  const points = useMemo(() => (data ? toPoints(data) : []), [data]);
  const box = useMemo(() => (data ? boxAround(data) : LOADING_BOX), [data]);
  const [first = "x₁", second = "x₂"] = training.data?.featureNames ?? [];
  const axisLabels = useMemo((): [string, string] => [first, second], [first, second]);
  return { data, points, box, axisLabels };
}

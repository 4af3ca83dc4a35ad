"use client";

import { type Box, decisionBoundary } from "@margin/core";
import { Card } from "@margin/ui/card";
import { RangeField } from "@margin/ui/range-field";
import { type LabelledPoint, ScatterBoundaryChart } from "@margin/ui/scatter-boundary-chart";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { BOUNDARY_COLORS, describeModel, formatLoss } from "~/lib/format";
import { useTRPC } from "~/trpc/react";

/** Scrub through the race: each student's boundary as it stood at the chosen moment. */
export function Replay({
  challengeId,
  points,
  box,
  axisLabels,
  hideNames,
}: {
  challengeId: string;
  points: LabelledPoint[];
  box: Box;
  axisLabels: readonly [string, string];
  /** Ask the server for aliases instead of names. */
  hideNames: boolean;
}) {
  const trpc = useTRPC();
  const replay = useQuery(trpc.challenge.replay.queryOptions({ challengeId, hideNames }));
  const snapshots = replay.data ?? [];
  const times = useMemo(
    () => [...new Set(snapshots.map((snapshot) => snapshot.at))].sort((a, b) => a - b),
    [snapshots],
  );
  const [index, setIndex] = useState<number | null>(null);
  const position = index ?? times.length - 1;
  const at = times[position] ?? 0;
  const start = times[0] ?? 0;

  const colors = new Map<string, string>();
  const latest = new Map<string, (typeof snapshots)[number]>();
  for (const snapshot of snapshots) {
    if (!colors.has(snapshot.participantId)) {
      colors.set(snapshot.participantId, BOUNDARY_COLORS[colors.size % BOUNDARY_COLORS.length] ?? "#333");
    }
    if (snapshot.at <= at) latest.set(snapshot.participantId, snapshot);
  }

  if (times.length === 0) {
    return (
      <Card title="Replay">
        <p className="ml-empty">{replay.isLoading ? "Loading the race…" : "No snapshots were recorded."}</p>
      </Card>
    );
  }
  return (
    <Card title="Replay" description="Drag through the race to see how everyone's boundary moved.">
      <div className="ml-stack" style={{ maxWidth: 760 }}>
        <RangeField
          label="Time into the race"
          min={0}
          max={times.length - 1}
          step={1}
          value={position}
          onChange={setIndex}
          format={(value) => `${Math.round(((times[value] ?? start) - start) / 1000)} s`}
        />
        <ScatterBoundaryChart
          title={`The race ${Math.round((at - start) / 1000)} s in`}
          points={points}
          box={box}
          axisLabels={axisLabels}
          boundaries={[...latest.values()].map((snapshot) => ({
            id: snapshot.participantId,
            name: snapshot.nickname,
            color: colors.get(snapshot.participantId) ?? "#333",
            segment: decisionBoundary(snapshot, box),
            description: `${describeModel(snapshot.w, snapshot.b)}, public log loss ${formatLoss(snapshot.publicLoss)}`,
          }))}
        />
      </div>
    </Card>
  );
}

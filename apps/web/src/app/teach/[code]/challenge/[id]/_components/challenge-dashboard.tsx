"use client";

import { decisionBoundary } from "@margin/core";
import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Button } from "@margin/ui/button";
import { Card } from "@margin/ui/card";
import { ScatterBoundaryChart } from "@margin/ui/scatter-boundary-chart";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import {
  ALERT_SHORT,
  ALERT_TEXT,
  boxAround,
  describeDataset,
  formatRemaining,
  toDataset,
  toPoints,
} from "~/lib/challenge-data";
import { describeModel, formatLoss } from "~/lib/format";
import { type ColoredBoundary, mergeBoundaryBatch } from "~/lib/live-boundaries";
import { type RealtimeSocket, useRealtime } from "~/lib/use-realtime";
import { useTRPC } from "~/trpc/react";
import { Replay } from "./replay";
import { Sparkline } from "./sparkline";
import { describeSettings, describeSteps, type StudentCard, StudentCards } from "./student-cards";

interface Props {
  code: string;
  classroomName: string;
  challengeId: string;
  joinUrl: string;
  qrSvg: string;
}

/** Each student's latest boundary plus the public losses seen so far (for the trend line). */
type Live = ColoredBoundary & { history: number[] };
const HISTORY = 40;

export function ChallengeDashboard({ code, classroomName, challengeId, joinUrl, qrSvg }: Props) {
  const trpc = useTRPC();
  const state = useQuery({ ...trpc.challenge.state.queryOptions({ challengeId }), refetchInterval: 2_000 });
  const training = useQuery(trpc.challenge.trainingData.queryOptions({ challengeId }));
  const [mode, setMode] = useState<"loss" | "improvement">("loss");
  // Hidden names are hidden by the server: the board, the replay and the live stream then carry aliases
  // ("Student 3") and no nickname or student id at all, so nothing on the projector's wire gives them away.
  const [hideNames, setHideNames] = useState(false);
  const leaderboard = useQuery({
    ...trpc.challenge.leaderboard.queryOptions({ challengeId, mode, hideNames }),
    refetchInterval: 2_000,
  });
  const transition = useMutation(
    trpc.challenge.transition.mutationOptions({ onSuccess: () => void state.refetch() }),
  );
  const extend = useMutation(
    trpc.challenge.extend.mutationOptions({ onSuccess: () => void state.refetch() }),
  );
  const [live, setLive] = useState<Map<string, Live>>(new Map());
  const [spotlight, setSpotlight] = useState<string | null>(null);

  const tokenMutation = useMutation(trpc.challenge.realtimeToken.mutationOptions());
  const getCredentials = useCallback(
    () => tokenMutation.mutateAsync({ challengeId }),
    [tokenMutation.mutateAsync, challengeId],
  );
  // The server's clock ends the race: hear it at once rather than at the next poll.
  const refetchOnStatus = useRef(() => {});
  refetchOnStatus.current = () => {
    void state.refetch();
    void leaderboard.refetch();
  };
  const setup = useCallback((socket: RealtimeSocket) => {
    socket.on("boundaries:updated", (batch) => {
      setLive((previous) =>
        mergeBoundaryBatch(previous, batch, (boundary, before) => ({
          ...boundary,
          history: [...(before?.history ?? []), boundary.loss].slice(-HISTORY),
        })),
      );
    });
    socket.on("challenge:status", () => refetchOnStatus.current());
  }, []);
  const { socket, status: link } = useRealtime(getCredentials, setup, { hideNames });

  /** Switches names off or on, on this connection, without a reload. */
  function toggleNames(hidden: boolean) {
    setHideNames(hidden);
    setSpotlight(null);
    // Students are keyed by aliases in one form and by ids in the other: start the picture afresh once
    // the server has switched (everything after its answer comes in the new form).
    socket?.emit("names:hide", { hidden }, () => setLive(new Map()));
  }

  const data = useMemo(() => (training.data ? toDataset(training.data) : null), [training.data]);
  const points = useMemo(() => (data ? toPoints(data) : []), [data]);
  const box = useMemo(() => (data ? boxAround(data) : { xMin: -6, xMax: 6, yMin: -6, yMax: 6 }), [data]);
  const challenge = state.data;
  const board = leaderboard.data;
  const axis = (training.data?.featureNames ?? ["x₁", "x₂"]) as [string, string];

  const boundaries = [...live.values()].map((student) => ({
    id: student.studentId,
    name: student.nickname,
    color: spotlight && spotlight !== student.studentId ? "#cfd4df" : student.color,
    emphasized: spotlight === student.studentId,
    segment: decisionBoundary(student, box),
    description: `public log loss ${formatLoss(student.loss)}, ${describeSteps(student)}, ${describeSettings(
      student.settings,
    )}; ${describeModel(student.w, student.b)}`,
  }));
  // Everyone who joined gets a card, in a fixed order (by name) so cards don't jump around as ranks change.
  const cards: StudentCard[] = (board?.rows ?? [])
    .map((row) => {
      const latest = live.get(row.studentId) ?? null;
      return {
        studentId: row.studentId,
        name: row.nickname,
        color: latest?.color ?? null,
        latest,
        best: row.publicLoss,
        history: latest?.history ?? [],
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  // The spotlighted boundary is drawn last, on top of the others.
  boundaries.sort((a, b) => Number(a.emphasized) - Number(b.emphasized));

  const act = (to: "live" | "paused" | "ended") => transition.mutate({ challengeId, to });

  return (
    <AppShell meta={`${classroomName} · live link: ${link}`}>
      <PageHeader eyebrow={`Challenge · join code ${code}`} title={challenge?.title ?? "Challenge"}>
        Students train on the points below; the leaderboard ranks log loss on held-out points they never see.
        {challenge ? (
          <span className="ml-dataset-line">{describeDataset(challenge.kind, challenge.knobs)}</span>
        ) : null}
      </PageHeader>
      <Card>
        <div className="ml-row" style={{ justifyContent: "space-between" }}>
          <div className="ml-row">
            <span
              className={`ml-badge ${challenge?.status === "live" ? "ml-badge-success" : "ml-badge-muted"}`}
            >
              {challenge?.status ?? "…"}
            </span>
            {challenge && (challenge.status === "live" || challenge.status === "paused") ? (
              <span style={{ fontVariantNumeric: "tabular-nums", fontWeight: 700 }}>
                {formatRemaining(challenge.remainingMs)} left
              </span>
            ) : null}
          </div>
          <div className="ml-row">
            {challenge?.status === "draft" ? <Button onClick={() => act("live")}>Start</Button> : null}
            {challenge?.status === "live" ? (
              <Button variant="secondary" onClick={() => act("paused")}>
                Pause
              </Button>
            ) : null}
            {challenge?.status === "paused" ? <Button onClick={() => act("live")}>Resume</Button> : null}
            {challenge?.status === "live" || challenge?.status === "paused" ? (
              <Button variant="secondary" onClick={() => extend.mutate({ challengeId, minutes: 5 })}>
                +5 min
              </Button>
            ) : null}
            {challenge?.status === "live" || challenge?.status === "paused" ? (
              <Button variant="secondary" onClick={() => act("ended")}>
                End and reveal
              </Button>
            ) : null}
          </div>
        </div>
        {transition.error ? <p className="ml-field-error">{transition.error.message}</p> : null}
        {extend.error ? <p className="ml-field-error">{extend.error.message}</p> : null}
        <label className="ml-row" style={{ gap: 8, marginTop: 12 }}>
          <input
            type="checkbox"
            checked={hideNames}
            onChange={(event) => toggleNames(event.target.checked)}
          />
          Hide names on the projector
        </label>
        {challenge?.status !== "ended" ? (
          <fieldset className="ml-row" style={{ border: 0, padding: 0, margin: "8px 0 0", gap: 16 }}>
            <legend className="ml-visually-hidden">Rank the leaderboard by</legend>
            <span aria-hidden="true" style={{ fontWeight: 600 }}>
              Rank by
            </span>
            {(
              [
                ["loss", "Lowest loss"],
                ["improvement", "Improvement on the base-rate model"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="ml-row" style={{ gap: 6 }}>
                <input
                  type="radio"
                  name="rank-mode"
                  checked={mode === value}
                  onChange={() => setMode(value)}
                />
                {label}
              </label>
            ))}
          </fieldset>
        ) : null}
      </Card>
      <div className="ml-grid ml-grid-sidebar" style={{ marginTop: 24 }}>
        <Card title="Everyone's boundary">
          <ScatterBoundaryChart
            title="Training data with every student's boundary"
            points={points}
            box={box}
            boundaries={boundaries}
            axisLabels={axis}
          />
        </Card>
        <div className="ml-stack">
          <Card title="Join" description={joinUrl}>
            <div className="ml-row" style={{ flexWrap: "nowrap", gap: 16 }}>
              <div
                className="ml-qr"
                role="img"
                aria-label={`QR code for ${joinUrl}`}
                dangerouslySetInnerHTML={{ __html: qrSvg }}
              />
              <p className="ml-join-code ml-join-code-compact">{code}</p>
            </div>
          </Card>
          <Card
            title={board?.revealed ? "Final leaderboard (private)" : "Leaderboard (public)"}
            description={
              board?.revealed
                ? "Ranked on the private held-out points (each student's better pick, or their best public model); arrows show movement from the public board."
                : mode === "improvement" && board
                  ? `How far each student's best public loss is below ${formatLoss(board.baseline)}, the loss of a model that only knows the share of dogs: one starting line for everyone.`
                  : "Best public held-out log loss per student, scored by the server."
            }
          >
            {board?.optimum ? (
              <p className="ml-best-possible">
                The best possible model scores {formatLoss(board.optimum.privateLoss)} on the private points
                {board.optimum.privateLoss < 5e-4 ? ": a straight line separates them perfectly." : "."}
              </p>
            ) : null}
            {!board || board.rows.length === 0 ? (
              <p className="ml-empty">No one has joined yet.</p>
            ) : (
              <div className="ml-table-wrap">
                <table
                  className="ml-table"
                  aria-label={board.revealed ? "Final leaderboard" : "Challenge leaderboard"}
                >
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">Student</th>
                      <th scope="col">
                        {board.revealed
                          ? "Private loss"
                          : mode === "improvement"
                            ? "Improvement"
                            : "Public loss"}
                      </th>
                      {board.revealed ? <th scope="col">Gap</th> : null}
                      {board.revealed ? <th scope="col">Move</th> : <th scope="col">Trend</th>}
                    </tr>
                  </thead>
                  <tbody>
                    {board.rows.map((row, index) => {
                      const alerts = live.get(row.studentId)?.alerts ?? [];
                      const move = row.publicRank && row.privateRank ? row.publicRank - row.privateRank : 0;
                      return (
                        <tr key={row.studentId}>
                          <td>{(board.revealed ? row.privateRank : row.publicRank) ?? index + 1}</td>
                          <td>
                            <button
                              type="button"
                              className="ml-link-button"
                              aria-pressed={spotlight === row.studentId}
                              onClick={() =>
                                setSpotlight((current) => (current === row.studentId ? null : row.studentId))
                              }
                            >
                              {row.nickname}
                              <span className="ml-visually-hidden"> (spotlight)</span>
                            </button>
                            {alerts.map((alert) => (
                              <span key={alert} className="ml-badge ml-alert-badge" title={ALERT_TEXT[alert]}>
                                <span aria-hidden="true">{ALERT_SHORT[alert] ?? alert}</span>
                                <span className="ml-visually-hidden">{ALERT_TEXT[alert] ?? alert}</span>
                              </span>
                            ))}
                          </td>
                          <td>
                            {board.revealed ? (
                              <>
                                {row.privateLoss === null ? "—" : formatLoss(row.privateLoss)}
                                <span className="ml-field-hint">
                                  {" "}
                                  {row.usedPicks ? "picked" : "best public"}
                                </span>
                              </>
                            ) : mode === "improvement" ? (
                              row.improvement === null ? (
                                "—"
                              ) : (
                                `−${formatLoss(Math.max(0, row.improvement))}`
                              )
                            ) : row.publicLoss === null ? (
                              "—"
                            ) : (
                              formatLoss(row.publicLoss)
                            )}
                          </td>
                          {board.revealed ? (
                            <td title="Above the best possible model's private loss">
                              {row.gap === null ? "—" : `+${formatLoss(row.gap)}`}
                            </td>
                          ) : null}
                          {board.revealed ? (
                            <td
                              aria-label={move > 0 ? `up ${move}` : move < 0 ? `down ${-move}` : "no change"}
                            >
                              {move > 0 ? `▲ ${move}` : move < 0 ? `▼ ${-move}` : "="}
                            </td>
                          ) : (
                            <td>
                              <Sparkline
                                values={live.get(row.studentId)?.history ?? []}
                                color={live.get(row.studentId)?.color ?? "#999"}
                                width={56}
                              />
                              <span className="ml-visually-hidden">{row.updates} updates</span>
                            </td>
                          )}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </div>
      </div>
      <div style={{ marginTop: 24 }}>
        <Card
          title="Students"
          description="Loss trend, steps in the current run and training settings. Press a card to spotlight that student's boundary."
        >
          <StudentCards cards={cards} spotlight={spotlight} onSpotlight={setSpotlight} />
        </Card>
      </div>
      {challenge?.status === "ended" && data ? (
        <div style={{ marginTop: 24 }}>
          <Replay
            challengeId={challengeId}
            points={points}
            box={box}
            axisLabels={axis}
            hideNames={hideNames}
          />
        </div>
      ) : null}
    </AppShell>
  );
}

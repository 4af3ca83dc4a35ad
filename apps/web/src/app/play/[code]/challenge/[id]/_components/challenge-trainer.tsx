"use client";

import {
  DEFAULT_TRAINING_SETTINGS,
  decisionBoundary,
  fitScaler,
  type Model,
  probabilityAt,
  TRAINING_CONTROL_STEPS,
} from "@margin/core";
import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Button } from "@margin/ui/button";
import { Card } from "@margin/ui/card";
import { LossChart } from "@margin/ui/loss-chart";
import { RangeField } from "@margin/ui/range-field";
import { ScatterBoundaryChart } from "@margin/ui/scatter-boundary-chart";
import { Stat, Stats } from "@margin/ui/stat";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { boxAround, describeDataset, formatRemaining, toDataset, toPoints } from "~/lib/challenge-data";
import { describeModel, formatLoss } from "~/lib/format";
import { SEND_INTERVAL_MS, useBoundarySender } from "~/lib/use-boundary-sender";
import { useLiveTraining } from "~/lib/use-live-training";
import { useRealtime } from "~/lib/use-realtime";
import { useTRPC } from "~/trpc/react";

// One definition, shared with the race simulation that chose the presets.
const { learningRate: LEARNING_RATES, iterations: ITERATIONS, l2: L2_STRENGTHS } = TRAINING_CONTROL_STEPS;
const DEFAULTS = DEFAULT_TRAINING_SETTINGS;

const BY_HAND = { mode: "manual" } as const;

interface Props {
  code: string;
  challengeId: string;
  nickname: string;
}

export function ChallengeTrainer({ code, challengeId, nickname }: Props) {
  const trpc = useTRPC();
  const state = useQuery({ ...trpc.challenge.state.queryOptions({ challengeId }), refetchInterval: 2_000 });
  const training = useQuery(trpc.challenge.trainingData.queryOptions({ challengeId }));
  const leaderboard = useQuery({
    ...trpc.challenge.leaderboard.queryOptions({ challengeId }),
    refetchInterval: 3_000,
  });
  const [rateIndex, setRateIndex] = useState<number>(LEARNING_RATES.indexOf(DEFAULTS.learningRate));
  const [iterationIndex, setIterationIndex] = useState<number>(ITERATIONS.indexOf(DEFAULTS.iterations));
  const [standardise, setStandardise] = useState<boolean>(DEFAULTS.standardise);
  const [l2Index, setL2Index] = useState<number>(L2_STRENGTHS.indexOf(DEFAULTS.l2));
  const { model, setModel, curve, running, train: runTraining } = useLiveTraining();
  const probability = useMemo(() => probabilityAt(model), [model]);
  const [publicLoss, setPublicLoss] = useState<number | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const picks = useQuery(trpc.challenge.myPicks.queryOptions({ challengeId }));
  const refreshPicks = () => void picks.refetch();
  const pick = useMutation(trpc.challenge.pick.mutationOptions({ onSuccess: refreshPicks }));
  const unpick = useMutation(trpc.challenge.unpick.mutationOptions({ onSuccess: refreshPicks }));
  const tokenMutation = useMutation(trpc.challenge.realtimeToken.mutationOptions());
  const getCredentials = useCallback(
    () => tokenMutation.mutateAsync({ challengeId }),
    [tokenMutation.mutateAsync, challengeId],
  );
  const { socket, status: link } = useRealtime(getCredentials, () => {});

  const data = useMemo(() => (training.data ? toDataset(training.data) : null), [training.data]);
  const points = useMemo(() => (data ? toPoints(data) : []), [data]);
  const box = useMemo(() => (data ? boxAround(data) : { xMin: -6, xMax: 6, yMin: -6, yMax: 6 }), [data]);
  const challenge = state.data;
  const allowed = new Set(challenge?.controls ?? []);
  const live = challenge?.status === "live";

  const send = useBoundarySender(socket, (ack) => {
    if (ack.ok) {
      setPublicLoss(ack.data.loss);
      setRefusal(null);
    } else {
      setRefusal(ack.error.message);
    }
  });

  // Slider moves come faster than the send interval: send at most that often, and always the last one.
  const trailing = useRef<ReturnType<typeof setTimeout> | null>(null);
  function setByHand(next: Model) {
    setModel(next);
    send(next, 0, BY_HAND);
    if (trailing.current) clearTimeout(trailing.current);
    trailing.current = setTimeout(() => send(next, 0, BY_HAND, true), SEND_INTERVAL_MS);
  }

  async function train() {
    if (!data) return;
    const learningRate = allowed.has("learningRate")
      ? (LEARNING_RATES[rateIndex] ?? DEFAULTS.learningRate)
      : DEFAULTS.learningRate;
    const iterations = allowed.has("iterations")
      ? (ITERATIONS[iterationIndex] ?? DEFAULTS.iterations)
      : DEFAULTS.iterations;
    const l2 = allowed.has("l2") ? (L2_STRENGTHS[l2Index] ?? DEFAULTS.l2) : DEFAULTS.l2;
    // Standardising helps gradient descent on features with different units (kg vs cm); the model is
    // mapped back to raw units before it is drawn or sent, so everyone's boundary shares one picture.
    const scaler = allowed.has("standardise") && standardise ? fitScaler(data) : null;
    const settings = { mode: "trained", learningRate, iterations, l2, standardise: scaler !== null } as const;
    await runTraining(data, {
      learningRate,
      iterations,
      l2,
      scaler,
      onModel: (next, iteration, final) => send(next, iteration, settings, final),
    });
  }

  const ownRow = leaderboard.data?.rows.find((row) => row.nickname === nickname);
  const statusText =
    challenge?.status === "draft"
      ? "Waiting for your teacher to start the challenge."
      : challenge?.status === "paused"
        ? "Paused by your teacher: updates aren't scored right now."
        : challenge?.status === "ended"
          ? "The challenge has ended. Final results are on your teacher's screen."
          : null;

  return (
    <AppShell meta={`${code} · live link: ${link}`}>
      <PageHeader eyebrow={`Challenge · ${nickname}`} title={challenge?.title ?? "Challenge"}>
        Train on these points. Your score is log loss on held-out points only the server knows.
        {challenge ? (
          <span className="ml-dataset-line">{describeDataset(challenge.kind, challenge.knobs)}</span>
        ) : null}
      </PageHeader>
      {statusText ? (
        <p className="ml-alert" role="status" style={{ marginBottom: 16 }}>
          {statusText}
        </p>
      ) : null}
      <div className="ml-grid ml-grid-sidebar">
        <Card title="Training data and your boundary">
          <ScatterBoundaryChart
            probability={probability}
            title="Challenge training data with your boundary"
            points={points}
            box={box}
            axisLabels={(training.data?.featureNames ?? ["x₁", "x₂"]) as [string, string]}
            boundaries={[
              {
                id: "mine",
                name: "Your boundary",
                color: "var(--ml-primary)",
                segment: decisionBoundary(model, box),
                description: describeModel(model.w, model.b),
                emphasized: true,
              },
            ]}
          />
        </Card>
        <div className="ml-stack">
          <Card title="Your score">
            <Stats>
              <Stat label="Public log loss" value={publicLoss === null ? "—" : formatLoss(publicLoss)} />
              <Stat
                label="Rank"
                value={
                  ownRow?.publicRank ? `${ownRow.publicRank} of ${leaderboard.data?.rows.length ?? 0}` : "—"
                }
              />
              <Stat label="Time left" value={challenge ? formatRemaining(challenge.remainingMs) : "—"} />
            </Stats>
            {refusal ? <p className="ml-field-error">{refusal}</p> : null}
          </Card>
          <Card
            title="Your picks for the final board"
            description="The final ranking uses held-out points nobody has seen. Pick up to two models; the better one counts. Without picks, your best public model counts."
          >
            <div className="ml-stack">
              {(picks.data ?? []).length === 0 ? <p className="ml-field-hint">No picks yet.</p> : null}
              <ul className="ml-stack" style={{ listStyle: "none", margin: 0, padding: 0, gap: 8 }}>
                {(picks.data ?? []).map((picked, index) => (
                  <li key={picked.id} className="ml-row" style={{ justifyContent: "space-between" }}>
                    <span>
                      Pick {index + 1}: public loss {formatLoss(picked.publicLoss)}
                    </span>
                    <Button
                      variant="secondary"
                      disabled={!live || unpick.isPending}
                      onClick={() => unpick.mutate({ challengeId, pickId: picked.id })}
                    >
                      Remove<span className="ml-visually-hidden"> pick {index + 1}</span>
                    </Button>
                  </li>
                ))}
              </ul>
              <Button
                variant="secondary"
                disabled={
                  !live || running || pick.isPending || (picks.data?.length ?? 0) >= 2 || publicLoss === null
                }
                onClick={() => {
                  const [w1 = 0, w2 = 0] = model.w;
                  pick.mutate({ challengeId, w: [w1, w2], b: model.b });
                }}
              >
                Pick my current model
              </Button>
              {pick.error ? <p className="ml-field-error">{pick.error.message}</p> : null}
            </div>
          </Card>
          <Card title="Training">
            <div className="ml-stack">
              {allowed.has("learningRate") ? (
                <RangeField
                  label="Learning rate"
                  min={0}
                  max={LEARNING_RATES.length - 1}
                  step={1}
                  value={rateIndex}
                  onChange={setRateIndex}
                  format={(index) => String(LEARNING_RATES[index])}
                  disabled={running}
                />
              ) : null}
              {allowed.has("iterations") ? (
                <RangeField
                  label="Steps"
                  min={0}
                  max={ITERATIONS.length - 1}
                  step={1}
                  value={iterationIndex}
                  onChange={setIterationIndex}
                  format={(index) => String(ITERATIONS[index])}
                  disabled={running}
                />
              ) : null}
              {allowed.has("l2") ? (
                <RangeField
                  label="L2 strength"
                  min={0}
                  max={L2_STRENGTHS.length - 1}
                  step={1}
                  value={l2Index}
                  onChange={setL2Index}
                  format={(index) => String(L2_STRENGTHS[index])}
                  disabled={running}
                />
              ) : null}
              {allowed.has("standardise") ? (
                <label className="ml-row" style={{ gap: 8 }}>
                  <input
                    type="checkbox"
                    checked={standardise}
                    disabled={running}
                    onChange={(event) => setStandardise(event.target.checked)}
                  />
                  Standardise features
                </label>
              ) : null}
              <Button onClick={train} disabled={running || !live || !data}>
                {running ? "Training…" : "Train"}
              </Button>
            </div>
          </Card>
          {allowed.has("manual") ? (
            <Card title="By hand" description="Set the boundary yourself; it is scored like a trained one.">
              <div className="ml-stack">
                {(
                  [
                    ["w₁", 0, -3, 3, 0.05],
                    ["w₂", 1, -3, 3, 0.05],
                  ] as const
                ).map(([label, index, min, max, step]) => (
                  <RangeField
                    key={label}
                    label={label}
                    min={min}
                    max={max}
                    step={step}
                    value={model.w[index] ?? 0}
                    disabled={running || !live}
                    format={(value) => value.toFixed(2)}
                    onChange={(value) => {
                      const w = [...model.w];
                      w[index] = value;
                      setByHand({ w, b: model.b });
                    }}
                  />
                ))}
                <RangeField
                  label="b"
                  min={-30}
                  max={30}
                  step={0.1}
                  value={model.b}
                  disabled={running || !live}
                  format={(value) => value.toFixed(1)}
                  onChange={(b) => setByHand({ w: model.w, b })}
                />
              </div>
            </Card>
          ) : null}
        </div>
      </div>
      <div style={{ marginTop: 24 }}>
        <Card title="Training loss" description="Log loss on the training points after every step.">
          <LossChart title="Training loss" points={curve} />
        </Card>
      </div>
    </AppShell>
  );
}

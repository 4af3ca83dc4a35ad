"use client";

import {
  boundaryPaths,
  canonicalFeatures,
  DEFAULT_TRAINING_SETTINGS,
  FEATURE_CROSSES_CONTROL,
  type FeatureModel,
  type FeatureName,
  LINEAR_FEATURES,
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
import { describeDataset, formatRemaining } from "~/lib/challenge-data";
import { describeFeatures, describeModel, formatLoss, formatPercent } from "~/lib/format";
import { SEND_INTERVAL_MS, useBoundarySender } from "~/lib/use-boundary-sender";
import { useChallengeTrainingData } from "~/lib/use-challenge-data";
import { useLiveTraining } from "~/lib/use-live-training";
import { useRealtime } from "~/lib/use-realtime";
import { useTRPC } from "~/trpc/react";
import { FeaturePicker } from "./feature-picker";

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
  const leaderboard = useQuery({
    ...trpc.challenge.leaderboard.queryOptions({ challengeId }),
    refetchInterval: 3_000,
  });
  const [rateIndex, setRateIndex] = useState<number>(LEARNING_RATES.indexOf(DEFAULTS.learningRate));
  const [iterationIndex, setIterationIndex] = useState<number>(ITERATIONS.indexOf(DEFAULTS.iterations));
  const [standardise, setStandardise] = useState<boolean>(DEFAULTS.standardise);
  const [l2Index, setL2Index] = useState<number>(L2_STRENGTHS.indexOf(DEFAULTS.l2));
  const [crosses, setCrosses] = useState<FeatureName[]>([]);
  const { model, setModel, curve, running, train: runTraining } = useLiveTraining();
  const probability = useMemo(() => probabilityAt(model), [model]);
  const [score, setScore] = useState<{ loss: number; accuracy: number } | null>(null);
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

  const { data, points, box, axisLabels } = useChallengeTrainingData(challengeId);
  const paths = useMemo(() => boundaryPaths(model, box), [model, box]);
  const challenge = state.data;
  const allowed = new Set<string>(challenge?.controls ?? []);
  const live = challenge?.status === "live";
  // The features the next run trains on: x₁, x₂ plus the crosses ticked, if the teacher allows them.
  const features = allowed.has(FEATURE_CROSSES_CONTROL)
    ? canonicalFeatures([...LINEAR_FEATURES, ...crosses])
    : LINEAR_FEATURES;

  const send = useBoundarySender(socket, (ack) => {
    if (ack.ok) {
      setScore(ack.data);
      setRefusal(null);
    } else {
      setRefusal(ack.error.message);
    }
  });

  // Slider moves come faster than the send interval: send at most that often, and always the last one.
  const trailing = useRef<ReturnType<typeof setTimeout> | null>(null);
  function setByHand(next: FeatureModel) {
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
    // Standardising helps gradient descent on features with different units (kg vs cm, or x₁ vs x₁²); the
    // model is mapped back to raw units before it is drawn or sent, so everyone's boundary shares one picture.
    const scaled = allowed.has("standardise") && standardise;
    const settings = { mode: "trained", learningRate, iterations, l2, standardise: scaled } as const;
    await runTraining(data, {
      learningRate,
      iterations,
      l2,
      features,
      standardise: scaled,
      onModel: (next, iteration, final) => send(next, iteration, settings, final),
    });
  }

  /** The weight of a raw coordinate in the current model, for the by-hand sliders. */
  const weightIndex = (feature: "x1" | "x2") => model.features.indexOf(feature);

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
            axisLabels={axisLabels}
            summaryExtra={`Your model uses ${describeFeatures(model.features)}.`}
            boundaries={[
              {
                id: "mine",
                name: "Your boundary",
                color: "var(--ml-primary)",
                paths,
                description: describeModel(model.w, model.b, model.features),
                emphasized: true,
              },
            ]}
          />
        </Card>
        <div className="ml-stack">
          <Card title="Your score">
            <Stats>
              <Stat label="Public log loss" value={score ? formatLoss(score.loss) : "—"} />
              <Stat label="Public accuracy" value={score ? formatPercent(score.accuracy) : "—"} />
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
                      <span>
                        Pick {index + 1}: public loss {formatLoss(picked.publicLoss)}
                      </span>
                      <span className="ml-field-hint"> · {describeFeatures(picked.features)}</span>
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
                  !live || running || pick.isPending || (picks.data?.length ?? 0) >= 2 || score === null
                }
                onClick={() =>
                  pick.mutate({ challengeId, w: [...model.w], b: model.b, features: [...model.features] })
                }
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
              {allowed.has(FEATURE_CROSSES_CONTROL) ? (
                <FeaturePicker
                  features={features}
                  disabled={running}
                  onToggle={(feature, on) =>
                    setCrosses((previous) =>
                      on ? [...previous, feature] : previous.filter((chosen) => chosen !== feature),
                    )
                  }
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
                    ["w₁", "x1", -3, 3, 0.05],
                    ["w₂", "x2", -3, 3, 0.05],
                  ] as const
                ).map(([label, feature, min, max, step]) => (
                  <RangeField
                    key={label}
                    label={label}
                    min={min}
                    max={max}
                    step={step}
                    value={model.w[weightIndex(feature)] ?? 0}
                    disabled={running || !live || weightIndex(feature) < 0}
                    format={(value) => value.toFixed(2)}
                    onChange={(value) => {
                      const w = [...model.w];
                      w[weightIndex(feature)] = value;
                      setByHand({ ...model, w });
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
                  onChange={(b) => setByHand({ ...model, b })}
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

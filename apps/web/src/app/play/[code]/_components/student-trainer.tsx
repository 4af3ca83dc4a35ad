"use client";

import { decisionBoundary, probabilityAt } from "@margin/core";
import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Button } from "@margin/ui/button";
import { Card } from "@margin/ui/card";
import { LossChart } from "@margin/ui/loss-chart";
import { RangeField } from "@margin/ui/range-field";
import { ScatterBoundaryChart } from "@margin/ui/scatter-boundary-chart";
import { Stat, Stats } from "@margin/ui/stat";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { MyProgress } from "~/components/progress/my-progress";
import { describeModel, formatLoss, formatNumber, formatPercent } from "~/lib/format";
import { LESSON_BOX, lessonData } from "~/lib/lesson-data";
import { useBoundarySender } from "~/lib/use-boundary-sender";
import { useLiveTraining } from "~/lib/use-live-training";
import { useRealtime } from "~/lib/use-realtime";
import { useTRPC } from "~/trpc/react";
import { CurrentChallenge } from "./current-challenge";

const LEARNING_RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3];
const ITERATIONS = [10, 50, 100, 250, 500, 1000, 2000, 5000];

interface Props {
  classroomName: string;
  code: string;
  nickname: string;
}

export function StudentTrainer({ classroomName, code, nickname }: Props) {
  return (
    <AppShell meta={`${classroomName} · ${code}`}>
      <CurrentChallenge code={code} />
      <Trainer code={code} nickname={nickname} />
    </AppShell>
  );
}

function Trainer({ code, nickname }: { code: string; nickname: string }) {
  const trpc = useTRPC();
  const { data, points } = lessonData();
  const [rateIndex, setRateIndex] = useState(LEARNING_RATES.indexOf(0.1));
  const [iterationIndex, setIterationIndex] = useState(ITERATIONS.indexOf(1000));
  const { model, curve, running, train: runTraining, cancel } = useLiveTraining();
  const probability = useMemo(() => probabilityAt(model), [model]);

  const tokenMutation = useMutation(trpc.realtime.studentToken.mutationOptions());
  const submitResult = useMutation(trpc.results.submit.mutationOptions());
  const getCredentials = useCallback(
    () => tokenMutation.mutateAsync({ code }),
    [tokenMutation.mutateAsync, code],
  );
  const { socket, status } = useRealtime(getCredentials, () => {});
  const [serverLoss, setServerLoss] = useState<number | null>(null);

  const sendBoundary = useBoundarySender(socket, (ack) => {
    if (ack.ok) setServerLoss(ack.data.loss);
  });

  async function train() {
    const learningRate = LEARNING_RATES[rateIndex] ?? 0.1;
    const iterations = ITERATIONS[iterationIndex] ?? 1000;
    const settings = { mode: "trained", learningRate, iterations } as const;
    submitResult.reset();
    const result = await runTraining(data, {
      learningRate,
      iterations,
      onModel: (next, iteration, final) => sendBoundary(next, iteration, settings, final),
    });
    if (result && !result.cancelled) {
      const [w1 = 0, w2 = 0] = result.model.w;
      submitResult.mutate({ code, w: [w1, w2], b: result.model.b, iterations, learningRate });
    }
  }

  const finalLoss = curve[curve.length - 1]?.loss;
  const segment = decisionBoundary(model, LESSON_BOX);
  const [w1 = 0, w2 = 0] = model.w;

  return (
    <>
      <PageHeader eyebrow={`Hi, ${nickname}`} title="Train your cat-vs-dog classifier">
        Pick a learning rate and a number of steps, then train. Your boundary appears on your teacher&apos;s
        screen as it moves.
      </PageHeader>
      <div className="ml-grid ml-grid-sidebar">
        <Card title="Your model on the lesson's data">
          <ScatterBoundaryChart
            probability={probability}
            title="Lesson data with your decision boundary"
            points={points}
            box={LESSON_BOX}
            boundaries={[
              {
                id: "mine",
                name: "Your boundary",
                color: "var(--ml-primary)",
                segment,
                description: describeModel(model.w, model.b),
                emphasized: true,
              },
            ]}
          />
        </Card>
        <div className="ml-stack">
          <Card title="Training">
            <div className="ml-stack">
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
              <div className="ml-row">
                <Button onClick={() => void train()} disabled={running}>
                  {running ? "Training…" : "Train"}
                </Button>
                {running ? (
                  <Button variant="secondary" onClick={cancel}>
                    Stop
                  </Button>
                ) : null}
              </div>
              <p className="ml-field-hint" aria-live="polite">
                Live link:{" "}
                <span
                  className={`ml-badge ${status === "connected" ? "ml-badge-success" : "ml-badge-muted"}`}
                >
                  {status}
                </span>
              </p>
            </div>
          </Card>
          <Card title="Your figures">
            <Stats>
              <Stat label="Log loss" value={finalLoss === undefined ? "—" : formatLoss(finalLoss)} />
              <Stat label="Server's loss" value={serverLoss === null ? "—" : formatLoss(serverLoss)} />
              <Stat label="w₁" value={formatNumber(w1)} />
              <Stat label="w₂" value={formatNumber(w2)} />
              <Stat label="b" value={formatNumber(model.b)} />
              <Stat
                label="Accuracy"
                value={submitResult.data ? formatPercent(submitResult.data.accuracy) : "—"}
              />
            </Stats>
            <p className="ml-field-hint" aria-live="polite">
              {submitResult.isSuccess ? "Result saved for your teacher." : null}
              {submitResult.error ? (
                <span className="ml-field-error">{submitResult.error.message}</span>
              ) : null}
            </p>
          </Card>
        </div>
      </div>
      <div className="ml-grid ml-grid-sidebar" style={{ marginTop: 24 }}>
        <Card title="Loss curve" description="Log loss after every gradient-descent step.">
          <LossChart title="Training loss" points={curve} />
        </Card>
        <div className="ml-stack">
          <MyProgress lessonSlug="cats-or-dogs" />
          <Card title="The lesson" description="Read it, try the widgets and pass the quizzes.">
            <div className="ml-row">
              <a className="ml-button ml-button-secondary" href="/lesson/cats-or-dogs">
                Open the lesson
              </a>
              <a className="ml-button ml-button-secondary" href="/lab/cats-or-dogs">
                Open the coding lab
              </a>
            </div>
          </Card>
        </div>
      </div>
    </>
  );
}

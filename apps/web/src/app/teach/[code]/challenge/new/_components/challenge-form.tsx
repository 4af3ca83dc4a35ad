"use client";

import {
  type Box,
  CHALLENGE_DATASET_KINDS,
  CHALLENGE_KNOBS,
  CHALLENGE_PRESETS,
  type ChallengeDatasetKind,
  type ChallengePreset,
  challengeTrainingData,
  DEFAULT_CHALLENGE_PRESET,
} from "@margin/core";
import { Button } from "@margin/ui/button";
import { Card } from "@margin/ui/card";
import { RangeField } from "@margin/ui/range-field";
import { type LabelledPoint, ScatterBoundaryChart } from "@margin/ui/scatter-boundary-chart";
import { TextField } from "@margin/ui/text-field";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useDeferredValue, useMemo, useState } from "react";
import { boxAround, toPoints } from "~/lib/challenge-data";
import { useTRPC } from "~/trpc/react";

const KIND_LABELS: Record<ChallengeDatasetKind, string> = {
  "cats-vs-dogs": "Cats vs dogs (body mass, ear length)",
  blobs: "Two blobs",
  circles: "Ring around a disc",
  moons: "Two moons",
};

const CONTROLS = [
  { value: "learningRate", label: "Learning rate" },
  { value: "iterations", label: "Iterations" },
  { value: "l2", label: "L2 strength" },
  { value: "standardise", label: "Feature standardisation" },
  { value: "manual", label: "Drag the boundary by hand" },
] as const;
type Control = (typeof CONTROLS)[number]["value"];

/** The data-set knobs, as sliders over core's ranges. */
const KNOB_FIELDS = [
  { knob: "classBalance", label: "Share of dogs (class balance)", step: 0.05 },
  { knob: "labelFlips", label: "Flipped labels (training points)", step: 0.01 },
  { knob: "outliers", label: "Outliers (training points)", step: 0.01 },
] as const;

const percent = (value: number) => `${Math.round(value * 100)}%`;
const newSeed = () => Math.floor(Math.random() * 1_000_000);

interface Settings {
  kind: ChallengeDatasetKind;
  noise: number;
  classBalance: number;
  labelFlips: number;
  outliers: number;
  seed: number;
  trainSize: number;
  testSize: number;
}

/** A preset's data settings, as the form holds them (held-out points in all; half score each board). */
function presetSettings(preset: ChallengePreset): Omit<Settings, "seed"> {
  const { kind, noise, classBalance, labelFlips, outliers, trainSize, publicTestSize, privateTestSize } =
    preset.data;
  return {
    kind: kind as ChallengeDatasetKind,
    noise,
    classBalance,
    labelFlips,
    outliers,
    trainSize,
    testSize: publicTestSize + privateTestSize,
  };
}

/** The preset the settings match exactly, if any (a changed knob makes them the teacher's own). */
function matchingPreset(settings: Settings, controls: readonly Control[]): ChallengePreset | undefined {
  return CHALLENGE_PRESETS.find((preset) => {
    const data = presetSettings(preset);
    return (
      (Object.keys(data) as (keyof typeof data)[]).every((key) => data[key] === settings[key]) &&
      preset.controls.length === controls.length &&
      preset.controls.every((control) => controls.includes(control))
    );
  });
}

/**
 * The teacher's challenge settings with a live preview of the training data. The preview runs the same
 * seeded generator as the server (@margin/core), so what the teacher sees is what the class gets.
 */
export function ChallengeForm({ code }: { code: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState("Cats or dogs: lowest log loss wins");
  const [minutes, setMinutes] = useState(10);
  const [controls, setControls] = useState<Control[]>(() => [...DEFAULT_CHALLENGE_PRESET.controls]);
  const [settings, setSettings] = useState<Settings>(() => ({
    ...presetSettings(DEFAULT_CHALLENGE_PRESET),
    seed: newSeed(),
  }));
  const set =
    <K extends keyof Settings>(key: K) =>
    (value: Settings[K]) =>
      setSettings((previous) => ({ ...previous, [key]: value }));
  const preset = matchingPreset(settings, controls);
  function choose(next: ChallengePreset) {
    setSettings((previous) => ({ ...presetSettings(next), seed: previous.seed }));
    setControls([...next.controls]);
  }
  const create = useMutation(
    trpc.challenge.create.mutationOptions({
      onSuccess: (challenge) => router.push(`/teach/${code}/challenge/${challenge.id}`),
    }),
  );

  // Dragging a slider regenerates the data; deferring keeps the slider itself responsive.
  const previewSettings = useDeferredValue(settings);
  const preview = useMemo((): { error: string } | { points: LabelledPoint[]; box: Box } => {
    const { kind, noise, classBalance, labelFlips, outliers, seed, trainSize } = previewSettings;
    if (!(Number.isInteger(trainSize) && trainSize >= 10 && trainSize <= 2000)) {
      return { error: "Training points must be a whole number from 10 to 2 000." };
    }
    if (!(Number.isInteger(seed) && seed >= 0 && seed <= 2_147_483_647)) {
      return { error: "The seed must be a whole number from 0 to 2 147 483 647." };
    }
    // The training points depend on these settings alone: the held-out ones come from a secret the
    // server draws when the challenge is created, and never reach a browser.
    const train = challengeTrainingData({
      kind,
      noise,
      classBalance,
      labelFlips,
      outliers,
      seed,
      trainSize,
      publicTestSize: 1,
      privateTestSize: 1,
    });
    return { points: toPoints(train), box: boxAround(train) };
  }, [previewSettings]);
  const dogs = "points" in preview ? preview.points.filter((point) => point.label === 1).length : 0;
  const total = "points" in preview ? preview.points.length : 0;
  const axis: [string, string] =
    settings.kind === "cats-vs-dogs" ? ["body mass (kg)", "ear length (cm)"] : ["x₁", "x₂"];

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ code, title, durationMinutes: minutes, controls, ...settings });
  }

  return (
    <form className="ml-grid ml-grid-2 ml-challenge-form" onSubmit={submit}>
      <div className="ml-stack">
        <Card title="Data">
          <div className="ml-stack">
            <fieldset className="ml-preset-picker">
              <legend>Start from a preset</legend>
              {CHALLENGE_PRESETS.map((option) => (
                <label key={option.id} className="ml-preset-option">
                  <input
                    type="radio"
                    name="challenge-preset"
                    checked={preset?.id === option.id}
                    onChange={() => choose(option)}
                  />
                  <span>
                    <strong>{option.name}</strong>
                    <span className="ml-field-hint">{option.description}</span>
                  </span>
                </label>
              ))}
              <p className="ml-field-hint" aria-live="polite">
                {preset ? `Using “${preset.name}”.` : "Your own settings (no preset matches them)."}
              </p>
            </fieldset>
            <div className="ml-field">
              <label htmlFor="challenge-kind">Data set</label>
              <select
                id="challenge-kind"
                className="ml-input"
                value={settings.kind}
                onChange={(event) => set("kind")(event.target.value as ChallengeDatasetKind)}
              >
                {CHALLENGE_DATASET_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            </div>
            <RangeField
              label="Overlap (noise)"
              min={0}
              max={1}
              step={0.05}
              value={settings.noise}
              onChange={set("noise")}
              format={(value) => value.toFixed(2)}
            />
            {KNOB_FIELDS.map(({ knob, label, step }) => (
              <RangeField
                key={knob}
                label={label}
                min={CHALLENGE_KNOBS[knob].min}
                max={CHALLENGE_KNOBS[knob].max}
                step={step}
                value={settings[knob]}
                onChange={set(knob)}
                format={percent}
              />
            ))}
            <p className="ml-field-hint">
              Flipped labels and outliers only touch the training points: the held-out points that score the
              leaderboard stay clean, so the board rewards models that aren't fooled by them.
            </p>
            <div className="ml-grid ml-grid-2">
              <TextField
                label="Training points"
                type="number"
                min={10}
                max={2000}
                value={settings.trainSize}
                onChange={(event) => set("trainSize")(Math.round(Number(event.target.value)))}
                hint="What students see and train on (10–2 000)."
              />
              <TextField
                label="Held-out points"
                type="number"
                min={10}
                max={5000}
                value={settings.testSize}
                onChange={(event) => set("testSize")(Math.round(Number(event.target.value)))}
                hint="Half score the live board, half the final reveal."
              />
            </div>
            <div className="ml-row" style={{ alignItems: "flex-end" }}>
              <TextField
                label="Seed"
                type="number"
                min={0}
                max={2_147_483_647}
                value={settings.seed}
                onChange={(event) => set("seed")(Math.round(Number(event.target.value)))}
                hint="The whole class gets the same points; the same seed gives the same data again."
              />
              <Button type="button" variant="secondary" onClick={() => set("seed")(newSeed())}>
                New seed
              </Button>
            </div>
          </div>
        </Card>
        <Card title="Game">
          <div className="ml-stack">
            <TextField
              label="Challenge title"
              value={title}
              maxLength={120}
              onChange={(event) => setTitle(event.target.value)}
            />
            <RangeField
              label="Duration"
              min={1}
              max={45}
              step={1}
              value={minutes}
              onChange={setMinutes}
              format={(value) => `${value} min`}
            />
            <fieldset className="ml-stack" style={{ border: 0, padding: 0, margin: 0, gap: 6 }}>
              <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 6 }}>Students may change</legend>
              {CONTROLS.map((control) => (
                <label key={control.value} className="ml-row" style={{ gap: 8 }}>
                  <input
                    type="checkbox"
                    checked={controls.includes(control.value)}
                    onChange={(event) =>
                      setControls((previous) =>
                        event.target.checked
                          ? [...previous, control.value]
                          : previous.filter((value) => value !== control.value),
                      )
                    }
                  />
                  {control.label}
                </label>
              ))}
            </fieldset>
            {create.error ? (
              <p className="ml-field-error" role="alert">
                {create.error.message}
              </p>
            ) : null}
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create challenge"}
            </Button>
          </div>
        </Card>
      </div>
      <Card
        title="Preview: the training data"
        description={
          "points" in preview
            ? `${total - dogs} cats and ${dogs} dogs${
                settings.labelFlips > 0 ? `, ${percent(settings.labelFlips)} of labels flipped` : ""
              }${settings.outliers > 0 ? `, ${percent(settings.outliers)} outliers` : ""}.`
            : undefined
        }
      >
        {"points" in preview ? (
          <ScatterBoundaryChart
            title="Preview of the challenge's training data"
            points={preview.points}
            box={preview.box}
            boundaries={[]}
            axisLabels={axis}
          />
        ) : (
          <p className="ml-field-error" role="alert">
            {preview.error}
          </p>
        )}
      </Card>
    </form>
  );
}

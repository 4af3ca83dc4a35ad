"use client";

import { Button } from "@margin/ui/button";
import { Card } from "@margin/ui/card";
import { RangeField } from "@margin/ui/range-field";
import { TextField } from "@margin/ui/text-field";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";

const KINDS = [
  { value: "cats-vs-dogs", label: "Cats vs dogs (body mass, ear length)" },
  { value: "blobs", label: "Two blobs" },
  { value: "circles", label: "Ring around a disc" },
  { value: "moons", label: "Two moons" },
] as const;

const CONTROLS = [
  { value: "learningRate", label: "Learning rate" },
  { value: "iterations", label: "Iterations" },
  { value: "l2", label: "L2 strength" },
  { value: "standardise", label: "Feature standardisation" },
  { value: "manual", label: "Drag the boundary by hand" },
] as const;
type Control = (typeof CONTROLS)[number]["value"];

const STATUS_BADGE = {
  draft: "ml-badge-muted",
  live: "ml-badge-success",
  paused: "",
  ended: "ml-badge-muted",
} as const;

/** The class's challenges and a form for a new one. */
export function ChallengesCard({ code }: { code: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const challenges = useQuery(trpc.challenge.list.queryOptions({ code }));
  const [title, setTitle] = useState("Cats or dogs: lowest log loss wins");
  const [kind, setKind] = useState<(typeof KINDS)[number]["value"]>("cats-vs-dogs");
  const [noise, setNoise] = useState(0.4);
  const [minutes, setMinutes] = useState(10);
  const [controls, setControls] = useState<Control[]>(["learningRate", "iterations", "standardise"]);
  const create = useMutation(
    trpc.challenge.create.mutationOptions({
      onSuccess: (challenge) => router.push(`/teach/${code}/challenge/${challenge.id}`),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      code,
      title,
      kind,
      noise,
      seed: Math.floor(Math.random() * 1_000_000),
      trainSize: 200,
      testSize: 400,
      durationMinutes: minutes,
      controls,
    });
  }

  return (
    <Card
      title="Live challenges"
      description="Everyone trains on the same data; the server scores on held-out points."
    >
      {challenges.data && challenges.data.length > 0 ? (
        <ul className="ml-stack" style={{ listStyle: "none", margin: "0 0 16px", padding: 0, gap: 8 }}>
          {challenges.data.map((challenge) => (
            <li key={challenge.id} className="ml-row" style={{ justifyContent: "space-between" }}>
              <span>
                {challenge.title}{" "}
                <span className={`ml-badge ${STATUS_BADGE[challenge.status]}`}>{challenge.status}</span>
              </span>
              <a className="ml-button ml-button-secondary" href={`/teach/${code}/challenge/${challenge.id}`}>
                Open<span className="ml-visually-hidden"> {challenge.title}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="ml-stack" onSubmit={submit}>
        <TextField
          label="Challenge title"
          value={title}
          maxLength={120}
          onChange={(event) => setTitle(event.target.value)}
        />
        <div className="ml-field">
          <label htmlFor="challenge-kind">Data set</label>
          <select
            id="challenge-kind"
            className="ml-input"
            value={kind}
            onChange={(event) => setKind(event.target.value as typeof kind)}
          >
            {KINDS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <RangeField
          label="Overlap (noise)"
          min={0}
          max={1}
          step={0.05}
          value={noise}
          onChange={setNoise}
          format={(value) => value.toFixed(2)}
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
        {create.error ? <p className="ml-field-error">{create.error.message}</p> : null}
        <Button type="submit" disabled={create.isPending}>
          Create challenge
        </Button>
      </form>
    </Card>
  );
}

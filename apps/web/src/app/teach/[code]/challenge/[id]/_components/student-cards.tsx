"use client";

import { isLinear } from "@margin/core";
import type { StudentBoundary, TrainingSettings } from "@margin/core/protocol";
import { ALERT_TEXT } from "~/lib/challenge-data";
import { describeFeatures, formatLoss } from "~/lib/format";
import { Sparkline } from "./sparkline";

export interface StudentCard {
  studentId: string;
  name: string;
  color: string | null;
  /** The latest scored model, or null before the student's first update reaches this dashboard. */
  latest: StudentBoundary | null;
  /** Their best public loss so far (the leaderboard's figure). */
  best: number | null;
  history: readonly number[];
}

/** "learning rate 0.1 · L2 0.01 · standardised", or how the boundary was set by hand. */
export function describeSettings(settings: TrainingSettings | null | undefined): string {
  if (!settings) return "settings not reported";
  if (settings.mode === "manual") return "no training: dragged by hand";
  const parts: string[] = [];
  if (settings.learningRate !== undefined) parts.push(`learning rate ${settings.learningRate}`);
  if (settings.l2) parts.push(`L2 ${settings.l2}`);
  if (settings.standardise !== undefined) parts.push(settings.standardise ? "standardised" : "raw features");
  return parts.join(" · ") || "gradient descent";
}

export function describeSteps(latest: StudentBoundary): string {
  if (latest.settings?.mode === "manual") return "boundary set by hand";
  const of = latest.settings?.iterations ? ` of ${latest.settings.iterations}` : "";
  return `step ${latest.iteration}${of}`;
}

/**
 * One card per student: loss trend, steps taken in the current run, the settings they train with and any
 * misconception alert. Pressing a card spotlights that student's boundary (pressing again clears it).
 */
export function StudentCards({
  cards,
  spotlight,
  onSpotlight,
}: {
  cards: readonly StudentCard[];
  spotlight: string | null;
  onSpotlight: (studentId: string | null) => void;
}) {
  if (cards.length === 0) return <p className="ml-empty">Students appear here as they join.</p>;
  return (
    <ul className="ml-student-cards" aria-label="Students">
      {cards.map((card) => {
        const { latest } = card;
        const pressed = spotlight === card.studentId;
        return (
          <li key={card.studentId}>
            <button
              type="button"
              className="ml-student-card"
              aria-pressed={pressed}
              onClick={() => onSpotlight(pressed ? null : card.studentId)}
            >
              <span className="ml-student-card-head">
                <span
                  className="ml-swatch"
                  style={{ background: card.color ?? "var(--ml-border)", height: 4 }}
                  aria-hidden="true"
                />
                <strong>{card.name}</strong>
                <span className="ml-student-card-loss" title="Latest public log loss">
                  {latest ? formatLoss(latest.loss) : "—"}
                </span>
              </span>
              <span className="ml-student-card-trend">
                <Sparkline values={card.history} color={card.color ?? "#999"} width={180} height={28} />
              </span>
              <span className="ml-field-hint">
                {latest ? describeSteps(latest) : "no model yet"}
                {card.best === null ? "" : ` · best ${formatLoss(card.best)}`}
              </span>
              <span className="ml-field-hint">
                {latest ? describeSettings(latest.settings) : "waiting"}
                {latest && !isLinear(latest.features)
                  ? ` · features ${describeFeatures(latest.features)}`
                  : ""}
              </span>
              {latest?.alerts.map((alert) => (
                <span key={alert} className="ml-badge ml-alert-badge">
                  {ALERT_TEXT[alert] ?? alert}
                </span>
              ))}
              <span className="ml-visually-hidden">
                {latest ? `, latest public log loss ${formatLoss(latest.loss)}` : ""}
                {pressed ? ", spotlit" : ""}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

"use client";

import { Button } from "@margin/ui/button";
import { useEffect, useMemo, useState } from "react";
import { formatLoss } from "~/lib/format";
import {
  describeMovement,
  movementGlyph,
  movementLabel,
  type PodiumPlan,
  podiumPlan,
  type RevealedRow,
  revealedAt,
  type Standing,
} from "~/lib/podium";

const PLACE_NAMES = ["the winner", "second place", "third place"] as const;
/** Places 4 and below shown on one screen (two columns); beyond that a count points to the dashboard. */
const REST_ON_SCREEN = 20;

function placeName(rank: number): string {
  return PLACE_NAMES[rank - 1] ?? `place ${rank}`;
}

function announce(standing: Standing): string {
  const gap = standing.gap === null ? "" : `, ${formatLoss(standing.gap)} above the best possible model`;
  return `${placeName(standing.rank)}: ${standing.nickname}, private log loss ${formatLoss(
    standing.privateLoss,
  )}${gap}, ${describeMovement(standing.movement)} from the public board.`;
}

/** The label of the button that reveals what comes next. */
function nextLabel(plan: PodiumPlan, step: number): string {
  const next = [...plan.podium].reverse()[step];
  return next ? `Reveal ${placeName(next.rank)}` : "Reveal the rest";
}

/**
 * The private board as a podium reveal: third, second, then first place rise one press at a time (the
 * button, or → / Page Down from a presentation clicker), then the rest of the board appears, each with
 * their movement from the public board. `rows` is null until the revealed board has loaded.
 */
export function Podium({
  rows,
  colors,
  bestPossible,
}: {
  rows: readonly RevealedRow[] | null;
  colors: ReadonlyMap<string, string>;
  /** "The best possible model scores …", once the server has it; each place then shows its gap. */
  bestPossible: string | null;
}) {
  const plan = useMemo(() => podiumPlan(rows ?? []), [rows]);
  const [step, setStep] = useState(0);
  const shown = revealedAt(plan, step);
  const done = step >= plan.steps;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "ArrowRight" && event.key !== "PageDown") return;
      event.preventDefault();
      setStep((current) => Math.min(current + 1, plan.steps));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [plan.steps]);

  if (!rows) return <p className="ml-projector-empty">Revealing the private board…</p>;
  const latest = [...plan.podium].reverse()[step - 1];
  const announcement =
    step === 0
      ? ""
      : latest
        ? announce(latest)
        : `The rest of the board: ${plan.rest.length} more ranked, ${plan.unranked.length} without a model.`;
  const restShown = plan.rest.slice(0, REST_ON_SCREEN);

  return (
    <section
      className={`ml-podium${plan.rest.length + plan.unranked.length === 0 ? " ml-podium-solo" : ""}`}
      aria-labelledby="podium-title"
    >
      <div className="ml-podium-stage-wrap">
        <div className="ml-podium-head">
          <h2 id="podium-title">Final board</h2>
          <p>Private log loss, on held-out points nobody saw during the race: lower is better.</p>
          {bestPossible ? <p className="ml-podium-best">{bestPossible}</p> : null}
          {done ? null : (
            <div className="ml-podium-controls">
              <Button onClick={() => setStep((current) => Math.min(current + 1, plan.steps))}>
                {nextLabel(plan, step)}
              </Button>
              <Button variant="secondary" onClick={() => setStep(plan.steps)}>
                Reveal all
              </Button>
            </div>
          )}
        </div>
        {plan.podium.length === 0 ? (
          <p className="ml-projector-empty">Nobody sent a model in this challenge.</p>
        ) : (
          <ol className="ml-podium-stage" aria-label="Podium">
            {plan.podium.map((standing) => {
              const revealed = shown.ranks.has(standing.rank);
              return (
                <li
                  key={standing.studentId}
                  className={`ml-podium-place ml-podium-place-${standing.rank}`}
                  data-revealed={revealed}
                  aria-label={revealed ? announce(standing) : `${placeName(standing.rank)}: not revealed yet`}
                >
                  <div className="ml-podium-card" aria-hidden="true">
                    {revealed ? (
                      <>
                        <span
                          className="ml-projector-swatch"
                          style={{ background: colors.get(standing.studentId) ?? "var(--ml-border)" }}
                        />
                        <strong className="ml-podium-name">{standing.nickname}</strong>
                        <span className="ml-podium-loss">{formatLoss(standing.privateLoss)}</span>
                        {standing.gap === null ? null : (
                          <span className="ml-podium-gap">
                            +{formatLoss(standing.gap)} from the best possible
                          </span>
                        )}
                        <span className="ml-podium-move" data-movement={Math.sign(standing.movement ?? 0)}>
                          {movementLabel(standing.movement)}
                        </span>
                        <span className="ml-podium-note">
                          {standing.usedPicks ? "with a picked model" : "with their best public model"}
                        </span>
                      </>
                    ) : (
                      <strong className="ml-podium-name ml-podium-hidden">?</strong>
                    )}
                  </div>
                  <div className="ml-podium-block" aria-hidden="true">
                    {standing.rank}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </div>
      {plan.rest.length + plan.unranked.length === 0 ? null : (
        <div className="ml-podium-rest-wrap">
          {shown.rest ? (
            <>
              <h3>The rest of the board</h3>
              {restShown.length > 0 ? (
                <ol className="ml-podium-rest" aria-label="The rest of the final board">
                  {restShown.map((standing) => (
                    <li key={standing.studentId} className="ml-podium-rest-row">
                      <span className="ml-projector-rank">{standing.rank}</span>
                      <span className="ml-projector-name">{standing.nickname}</span>
                      <span className="ml-projector-loss">{formatLoss(standing.privateLoss)}</span>
                      <span className="ml-podium-move" data-movement={Math.sign(standing.movement ?? 0)}>
                        <span aria-hidden="true">{movementGlyph(standing.movement)}</span>
                        <span className="ml-visually-hidden">{describeMovement(standing.movement)}</span>
                      </span>
                    </li>
                  ))}
                </ol>
              ) : null}
              {plan.rest.length > restShown.length ? (
                <p className="ml-podium-more">
                  + {plan.rest.length - restShown.length} more on the dashboard
                </p>
              ) : null}
              {plan.unranked.length > 0 ? (
                <p className="ml-podium-more">No model: {plan.unranked.join(", ")}</p>
              ) : null}
            </>
          ) : (
            <p className="ml-podium-waiting">
              {plan.rest.length + plan.unranked.length} more after the podium
            </p>
          )}
        </div>
      )}
      <p className="ml-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}

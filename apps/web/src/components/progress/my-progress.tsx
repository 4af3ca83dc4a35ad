"use client";

import { Card } from "@margin/ui/card";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** "3 of 5 objectives mastered", with each objective's state, for the signed-in student. */
export function MyProgress({ lessonSlug }: { lessonSlug: string }) {
  const trpc = useTRPC();
  const progress = useQuery(trpc.progress.mine.queryOptions({ lessonSlug }));
  if (!progress.data) return null;
  const { objectives, rule } = progress.data;
  const mastered = objectives.filter((objective) => objective.mastered).length;
  return (
    <Card title="Your progress">
      <p style={{ margin: "0 0 4px", fontWeight: 600 }}>
        {mastered} of {objectives.length} objectives mastered
      </p>
      <p className="ml-field-hint" style={{ margin: "0 0 12px" }}>
        An objective is mastered by {rule.firstTries} of its questions answered right at the first try, at
        least {rule.ownNumbers} of them with your own numbers.
      </p>
      <ul className="ml-stack" style={{ listStyle: "none", margin: 0, padding: 0, gap: 8 }}>
        {objectives.map((objective) => (
          <li
            key={objective.key}
            className="ml-row"
            style={{ justifyContent: "space-between", flexWrap: "nowrap" }}
          >
            <span style={{ fontSize: 14 }}>{objective.text}</span>
            <span
              className={`ml-badge ${objective.mastered || objective.completed ? "ml-badge-success" : "ml-badge-muted"}`}
            >
              {objective.mastered
                ? "Mastered"
                : objective.completed
                  ? "Completed ✓"
                  : objective.questionsAnswered > 0
                    ? `Practising · ${Math.min(objective.firstTryCorrect, rule.firstTries)} of ${rule.firstTries}`
                    : "To do"}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

"use client";

import { Card } from "@margin/ui/card";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

const STATUS_LABEL = {
  "not-started": "Not started",
  practising: "Practising",
  mastered: "Mastered",
} as const;
const STATUS_CLASS = {
  "not-started": "ml-badge-muted",
  practising: "",
  mastered: "ml-badge-success",
} as const;

/** Students × objectives for one lesson, refreshed every few seconds while the lesson runs. */
export function ProgressGrid({ code, lessonSlug }: { code: string; lessonSlug: string }) {
  const trpc = useTRPC();
  const progress = useQuery({
    ...trpc.progress.classroom.queryOptions({ code, lessonSlug }),
    refetchInterval: 5_000,
  });
  const data = progress.data;
  return (
    <Card title="Lesson progress" description="Quiz mastery per objective for “Cats or Dogs?”.">
      {!data || data.students.length === 0 ? (
        <p className="ml-empty">{progress.isLoading ? "Loading…" : "No students have joined yet."}</p>
      ) : (
        <div style={{ overflowX: "auto" }}>
          <table className="ml-table" aria-label="Lesson progress">
            <thead>
              <tr>
                <th scope="col">Student</th>
                {data.objectives.map((objective) => (
                  <th scope="col" key={objective.key} title={objective.text}>
                    {objective.short}
                  </th>
                ))}
                <th scope="col">Mastered</th>
              </tr>
            </thead>
            <tbody>
              {data.students.map((student) => (
                <tr key={student.studentId}>
                  <th scope="row">{student.nickname}</th>
                  {data.objectives.map((objective) => {
                    const status = student.objectives[objective.key] ?? "not-started";
                    return (
                      <td key={objective.key}>
                        <span className={`ml-badge ${STATUS_CLASS[status]}`}>{STATUS_LABEL[status]}</span>
                      </td>
                    );
                  })}
                  <td>
                    {student.mastered} of {data.objectives.length}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

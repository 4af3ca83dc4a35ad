"use client";

import { Button } from "@margin/ui/button";
import { Card } from "@margin/ui/card";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CodeEditor } from "~/lab/code-editor";
import { useTRPC } from "~/trpc/react";

const LESSON = "cats-or-dogs" as const;
const STATUS_LABELS = {
  "not-started": "Not started",
  "in-progress": "In progress",
  passed: "Passed",
} as const;

/** Each student's coding-lab status, and their latest code read-only. */
export function LabCard({ code }: { code: string }) {
  const trpc = useTRPC();
  const rows = useQuery({
    ...trpc.lab.classroom.queryOptions({ code, lessonSlug: LESSON }),
    refetchInterval: 10_000,
  });
  const [open, setOpen] = useState<string | null>(null);

  return (
    <Card
      title="Coding lab"
      description="Implement logistic regression from scratch: each student's latest checks."
    >
      {rows.data && rows.data.length > 0 ? (
        <table className="ml-table" aria-label="Coding lab">
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Status</th>
              <th scope="col">Checks</th>
              <th scope="col">Last saved</th>
              <th scope="col">
                <span className="ml-visually-hidden">Code</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map((row) => (
              <tr key={row.studentId}>
                <td>{row.nickname}</td>
                <td>
                  <span
                    className={`ml-badge ${row.status === "passed" ? "ml-badge-success" : "ml-badge-muted"}`}
                  >
                    {STATUS_LABELS[row.status]}
                  </span>
                </td>
                <td>{row.checksTotal > 0 ? `${row.checksPassed} / ${row.checksTotal}` : "—"}</td>
                <td>{row.draftSavedAt ? row.draftSavedAt.toLocaleTimeString() : "—"}</td>
                <td>
                  {row.status !== "not-started" ? (
                    <Button
                      variant="secondary"
                      aria-expanded={open === row.studentId}
                      onClick={() => setOpen(open === row.studentId ? null : row.studentId)}
                    >
                      {open === row.studentId ? "Hide code" : `View ${row.nickname}'s code`}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="ml-empty">{rows.isPending ? "Loading…" : "No students yet."}</p>
      )}
      {open ? <StudentCode studentId={open} /> : null}
    </Card>
  );
}

function StudentCode({ studentId }: { studentId: string }) {
  const trpc = useTRPC();
  const work = useQuery(trpc.lab.studentCode.queryOptions({ studentId, lessonSlug: LESSON }));
  if (!work.data) return <p className="ml-empty">{work.isError ? work.error.message : "Loading…"}</p>;
  const { nickname, draft, language, passingCode } = work.data;
  return (
    <div className="ml-lab-teacher-code">
      <h3>
        {nickname}'s latest code {passingCode && passingCode === draft ? "(passing)" : ""}
      </h3>
      <CodeEditor
        key={studentId}
        value={draft ?? ""}
        language={language ?? "javascript"}
        label={`${nickname}'s code (read-only)`}
        readOnly
      />
    </div>
  );
}

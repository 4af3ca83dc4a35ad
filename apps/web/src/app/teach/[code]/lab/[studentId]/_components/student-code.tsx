"use client";

import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Card } from "@margin/ui/card";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CodeEditor } from "~/lab/code-editor";
import { CHECKS } from "~/lab/grader";
import { useTRPC } from "~/trpc/react";
import { formatLabDate } from "../../../_components/lab-status";

const LESSON = "cats-or-dogs" as const;

/** A student's latest code and the server's checks for it, read-only, with their last passing version. */
export function StudentCode({
  classroomName,
  code,
  studentId,
}: {
  classroomName: string;
  code: string;
  studentId: string;
}) {
  const trpc = useTRPC();
  const work = useQuery(trpc.lab.studentCode.queryOptions({ code, studentId, lessonSlug: LESSON }));
  const [shown, setShown] = useState<"latest" | "passing">("latest");
  const back = (
    <nav aria-label="Class pages" className="ml-row" style={{ gap: 16, marginBottom: 16 }}>
      <a href={`/teach/${code}`}>← Back to the class dashboard</a>
    </nav>
  );
  if (!work.data) {
    return (
      <AppShell meta="Coding lab">
        {back}
        <p className={work.isError ? "ml-alert" : "ml-empty"} role={work.isError ? "alert" : undefined}>
          {work.isError ? work.error.message : "Loading…"}
        </p>
      </AppShell>
    );
  }
  const { nickname, draft, language, passingCode, passedAt, draftSavedAt, lastResults } = work.data;
  const results = new Map(lastResults.map((r) => [r.id, r.passed]));
  const text = shown === "passing" && passingCode ? passingCode : (draft ?? "");
  return (
    <AppShell meta="Coding lab">
      {back}
      <PageHeader eyebrow={`${classroomName} · Coding lab`} title={`${nickname}'s code`}>
        {passedAt ? `Passed every check on ${formatLabDate(passedAt)}. ` : "Has not passed every check yet. "}
        {draftSavedAt ? `Latest version saved ${draftSavedAt.toLocaleString()}.` : "Nothing saved yet."}
      </PageHeader>
      <div className="ml-lab-grid">
        <Card title={shown === "passing" ? "Last passing version" : "Latest version"}>
          {passingCode && passingCode !== draft ? (
            <fieldset className="ml-lab-language">
              <legend className="ml-visually-hidden">Version</legend>
              {(["latest", "passing"] as const).map((version) => (
                <label key={version}>
                  <input
                    type="radio"
                    name="version"
                    checked={shown === version}
                    onChange={() => setShown(version)}
                  />
                  {version === "latest" ? "Latest" : "Last passing"}
                </label>
              ))}
            </fieldset>
          ) : null}
          <CodeEditor
            key={shown}
            value={text}
            language={language ?? "javascript"}
            label={`${nickname}'s code (read-only)`}
            readOnly
          />
        </Card>
        <Card title="Latest checks" description="Graded by the server on the latest run.">
          {lastResults.length === 0 ? (
            <p className="ml-empty">No run graded yet.</p>
          ) : (
            <ol className="ml-lab-checks" aria-label="Latest checks">
              {CHECKS.map((check) => {
                const passed = results.get(check.id);
                if (passed === undefined) return null;
                return (
                  <li
                    key={check.id}
                    className={`ml-lab-check ${passed ? "is-pass" : "is-fail"}`}
                    aria-label={`${check.title}: ${passed ? "passed" : "failed"}`}
                  >
                    <span className="ml-lab-check-mark" aria-hidden="true">
                      {passed ? "✓" : "✗"}
                    </span>
                    <p className="ml-lab-check-title">{check.title}</p>
                  </li>
                );
              })}
            </ol>
          )}
        </Card>
      </div>
    </AppShell>
  );
}

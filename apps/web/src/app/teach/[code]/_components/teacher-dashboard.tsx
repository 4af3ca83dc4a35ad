"use client";

import { decisionBoundary } from "@margin/core";
import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Card } from "@margin/ui/card";
import { ScatterBoundaryChart } from "@margin/ui/scatter-boundary-chart";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { describeModel, formatLoss } from "~/lib/format";
import { LESSON_BOX, lessonData } from "~/lib/lesson-data";
import { type ColoredBoundary, mergeBoundaryBatch } from "~/lib/live-boundaries";
import { type RealtimeSocket, useRealtime } from "~/lib/use-realtime";
import { useTRPC } from "~/trpc/react";
import { ChallengesCard } from "./challenges-card";
import { ProgressGrid } from "./progress-grid";

interface Props {
  classroomName: string;
  code: string;
}

type LiveStudent = ColoredBoundary & { online: boolean };

export function TeacherDashboard({ classroomName, code }: Props) {
  const trpc = useTRPC();
  const { points } = lessonData();
  const [students, setStudents] = useState<Map<string, LiveStudent>>(new Map());

  const tokenMutation = useMutation(trpc.realtime.teacherToken.mutationOptions());
  const getCredentials = useCallback(
    () => tokenMutation.mutateAsync({ code }),
    [tokenMutation.mutateAsync, code],
  );

  const setup = useCallback((socket: RealtimeSocket) => {
    socket.on("boundaries:updated", (batch) => {
      setStudents((previous) =>
        mergeBoundaryBatch(previous, batch, (boundary) => ({ ...boundary, online: true })),
      );
    });
    socket.on("student:left", ({ studentId }) => {
      setStudents((previous) => {
        const student = previous.get(studentId);
        if (!student) return previous;
        return new Map(previous).set(studentId, { ...student, online: false });
      });
    });
  }, []);
  const { status } = useRealtime(getCredentials, setup);

  const saved = useQuery({ ...trpc.results.list.queryOptions({ code }), refetchInterval: 5_000 });

  const ranked = useMemo(() => [...students.values()].sort((a, b) => a.loss - b.loss), [students]);
  const boundaries = ranked.map((student) => ({
    id: student.studentId,
    name: student.nickname,
    color: student.color,
    segment: decisionBoundary(student, LESSON_BOX),
    description: `${describeModel(student.w, student.b)}, log loss ${formatLoss(student.loss)}`,
  }));

  return (
    <AppShell meta={`Live link: ${status}`}>
      <nav
        aria-label="Class pages"
        className="ml-row"
        style={{ flexWrap: "wrap", gap: 16, marginBottom: 16 }}
      >
        <a href="/teach">All classes</a>
        <a href={`/teach/${code}/roster`}>Roster</a>
        <a href={`/teach/${code}/insights`}>Question insight</a>
        <a href={`/teach/${code}/history`}>Challenge history</a>
      </nav>
      <PageHeader eyebrow={classroomName} title="Live class dashboard">
        Every student&apos;s decision boundary, scored by the server on the lesson&apos;s data.
      </PageHeader>
      <div className="ml-grid ml-grid-sidebar">
        <Card title="Boundaries">
          <ScatterBoundaryChart
            title="Lesson data with every student's boundary"
            points={points}
            box={LESSON_BOX}
            boundaries={boundaries}
          />
        </Card>
        <div className="ml-stack">
          <Card title="Join code" description="Students open Margin Lab and enter:">
            <p className="ml-join-code">{code}</p>
          </Card>
          <ChallengesCard code={code} />
          <Card
            title="Practice leaderboard"
            description="Free practice on the lesson's data, scored by the server."
          >
            {ranked.length === 0 ? (
              <p className="ml-empty">Waiting for students to train…</p>
            ) : (
              <table className="ml-table" aria-label="Live leaderboard">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Student</th>
                    <th scope="col">Log loss</th>
                    <th scope="col">Step</th>
                  </tr>
                </thead>
                <tbody>
                  {ranked.map((student, index) => (
                    <tr key={student.studentId} style={{ opacity: student.online ? 1 : 0.5 }}>
                      <td>{index + 1}</td>
                      <td>
                        <span
                          className="ml-swatch"
                          style={{ background: student.color }}
                          aria-hidden="true"
                        />
                        {student.nickname}
                        {student.online ? null : <span className="ml-visually-hidden"> (left)</span>}
                      </td>
                      <td>{formatLoss(student.loss)}</td>
                      <td>{student.iteration}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </div>
      </div>
      <div style={{ marginTop: 24 }}>
        <ProgressGrid code={code} lessonSlug="cats-or-dogs" />
      </div>
      <div style={{ marginTop: 24 }}>
        <Card title="Saved results" description="Finished training runs stored for this class.">
          {saved.data && saved.data.length > 0 ? (
            <table className="ml-table" aria-label="Saved results">
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th scope="col">Log loss</th>
                  <th scope="col">Learning rate</th>
                  <th scope="col">Steps</th>
                  <th scope="col">Boundary</th>
                </tr>
              </thead>
              <tbody>
                {saved.data.map((result) => (
                  <tr key={result.id}>
                    <td>{result.nickname}</td>
                    <td>{formatLoss(result.logLoss)}</td>
                    <td>{result.learningRate}</td>
                    <td>{result.iterations}</td>
                    <td>{describeModel(result.w, result.b)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="ml-empty">{saved.isLoading ? "Loading…" : "No finished runs yet."}</p>
          )}
        </Card>
      </div>
    </AppShell>
  );
}

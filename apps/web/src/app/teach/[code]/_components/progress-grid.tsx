"use client";

import type { ProgressRow, QuizAttemptRecord } from "@margin/db";
import { Button } from "@margin/ui/button";
import { Card } from "@margin/ui/card";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { formatLoss } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { LabStatusLink, labRank } from "./lab-status";

const STATUS_LABEL = {
  "not-started": "Not started",
  practising: "Practising",
  completed: "Completed ✓",
  mastered: "Mastered",
} as const;
const STATUS_CLASS = {
  "not-started": "ml-badge-muted",
  practising: "",
  completed: "ml-badge-success",
  mastered: "ml-badge-success",
} as const;

const SORTS = {
  name: "Name",
  mastered: "Objectives mastered",
  quiz: "Quiz score",
  lab: "Coding lab",
  rank: "Challenge rank",
  seen: "Last seen",
} as const;
type Sort = keyof typeof SORTS;

const FILTERS = {
  all: "Everyone",
  "needs-help": "Nothing mastered yet",
  "mastered-all": "Mastered every objective",
  "lab-passed": "Passed the coding lab",
  "lab-not-passed": "Not passed the coding lab",
} as const;
type Filter = keyof typeof FILTERS;
type Student = ProgressRow;

const FILTER_TESTS: Record<Filter, (student: Student, objectives: number) => boolean> = {
  all: () => true,
  "needs-help": (s) => s.mastered === 0,
  "mastered-all": (s, objectives) => s.mastered === objectives,
  "lab-passed": (s) => s.lab.status === "passed",
  "lab-not-passed": (s) => s.lab.status !== "passed",
};

const quizShare = (quiz: { answered: number; correct: number }) =>
  quiz.answered === 0 ? -1 : quiz.correct / quiz.answered;

export function formatSeen(at: Date): string {
  return at.toLocaleString(undefined, { dateStyle: "short", timeStyle: "short" });
}

/** Students × objectives for one lesson with quiz and challenge results; sortable, filterable, clickable. */
export function ProgressGrid({ code, lessonSlug }: { code: string; lessonSlug: string }) {
  const trpc = useTRPC();
  const progress = useQuery({
    ...trpc.progress.classroom.queryOptions({ code, lessonSlug }),
    refetchInterval: 5_000,
  });
  const [sort, setSort] = useState<Sort>("name");
  const [filter, setFilter] = useState<Filter>("all");
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<string | null>(null);
  const data = progress.data;

  const students = useMemo(() => {
    if (!data) return [];
    const total = data.objectives.length;
    const needle = search.trim().toLowerCase();
    const rows = data.students.filter(
      (s) => (!needle || s.nickname.toLowerCase().includes(needle)) && FILTER_TESTS[filter](s, total),
    );
    const byName = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
      a.nickname.localeCompare(b.nickname);
    const compare: Record<Sort, (a: (typeof rows)[number], b: (typeof rows)[number]) => number> = {
      name: byName,
      mastered: (a, b) => b.mastered - a.mastered || byName(a, b),
      quiz: (a, b) => quizShare(b.quiz) - quizShare(a.quiz) || byName(a, b),
      lab: (a, b) => labRank(b.lab) - labRank(a.lab) || byName(a, b),
      rank: (a, b) =>
        (a.challenge?.rank ?? Number.POSITIVE_INFINITY) - (b.challenge?.rank ?? Number.POSITIVE_INFINITY) ||
        byName(a, b),
      seen: (a, b) => b.lastSeenAt.getTime() - a.lastSeenAt.getTime() || byName(a, b),
    };
    return [...rows].sort(compare[sort]);
  }, [data, filter, search, sort]);

  return (
    <Card
      title="Lesson progress"
      description={
        <>
          Quiz mastery per objective for “Cats or Dogs?”, each student's coding lab
          {data?.challenge ? `, and results of the latest challenge, “${data.challenge.title}”` : ""}. Mastery
          needs two questions right at the first try, one with the student's own numbers; retries never count.
          Select a student for their timeline with every quiz answer, or their lab status for their code.
        </>
      }
    >
      {!data || data.students.length === 0 ? (
        <p className="ml-empty">{progress.isLoading ? "Loading…" : "No students have joined yet."}</p>
      ) : (
        <div className="ml-stack">
          <LabSummary students={data.students} />
          <div className="ml-row" style={{ flexWrap: "wrap", gap: 12, alignItems: "end" }}>
            <label className="ml-field">
              <span>Find a student</span>
              <input className="ml-input" value={search} onChange={(e) => setSearch(e.target.value)} />
            </label>
            <label className="ml-field">
              <span>Show</span>
              <select
                className="ml-input"
                value={filter}
                onChange={(e) => setFilter(e.target.value as Filter)}
              >
                {Object.entries(FILTERS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label className="ml-field">
              <span>Sort by</span>
              <select className="ml-input" value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
                {Object.entries(SORTS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <a className="ml-button ml-button-secondary" href={`/api/export/class/${code}/progress`} download>
              Download progress CSV
            </a>
          </div>
          <div className="ml-table-wrap">
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
                  <th scope="col" title="Questions right at the first try, of questions answered">
                    Quiz (first try)
                  </th>
                  <th scope="col">Coding lab</th>
                  <th scope="col">Challenge (private loss · rank)</th>
                </tr>
              </thead>
              <tbody>
                {students.map((student) => (
                  <tr key={student.studentId} aria-selected={selected === student.studentId}>
                    <th scope="row">
                      <button
                        type="button"
                        className="ml-link-button"
                        onClick={() => setSelected(selected === student.studentId ? null : student.studentId)}
                        aria-expanded={selected === student.studentId}
                      >
                        {student.nickname}
                      </button>
                    </th>
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
                    <td>
                      {student.quiz.answered === 0
                        ? "–"
                        : `${student.quiz.correct}/${student.quiz.answered} (${Math.round(
                            (100 * student.quiz.correct) / student.quiz.answered,
                          )}%)`}
                    </td>
                    <td className="ml-lab-cell">
                      <LabStatusLink code={code} student={student} />
                    </td>
                    <td>
                      {student.challenge?.privateLogLoss == null
                        ? "–"
                        : `${formatLoss(student.challenge.privateLogLoss)} · #${student.challenge.rank}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {students.length === 0 ? <p className="ml-empty">No student matches.</p> : null}
          {selected ? (
            <StudentTimeline
              code={code}
              lessonSlug={lessonSlug}
              studentId={selected}
              onClose={() => setSelected(null)}
            />
          ) : null}
        </div>
      )}
    </Card>
  );
}

/** The class at a glance: how many passed the lab, are working on it, or have not opened it. */
function LabSummary({ students }: { students: Student[] }) {
  const count = (status: Student["lab"]["status"]) => students.filter((s) => s.lab.status === status).length;
  const stats = [
    { label: "Coding lab passed", value: count("passed") },
    { label: "Checks failing", value: count("failing") },
    { label: "Draft only", value: count("draft") },
    { label: "Not started", value: count("not-started") },
  ];
  return (
    <dl className="ml-stats ml-lab-summary" aria-label="Coding lab summary">
      {stats.map((stat) => (
        <div key={stat.label} className="ml-stat">
          <dt className="ml-stat-label">{stat.label}</dt>
          <dd className="ml-stat-value">
            {stat.value}
            <span className="ml-field-hint"> of {students.length}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function StudentTimeline({
  code,
  lessonSlug,
  studentId,
  onClose,
}: {
  code: string;
  lessonSlug: string;
  studentId: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const timeline = useQuery(trpc.roster.timeline.queryOptions({ code, studentId }));
  const catalogue = useQuery(trpc.quiz.catalogue.queryOptions({ lessonSlug }));
  const titles = new Map((catalogue.data ?? []).map((question) => [question.id, question.title]));
  const data = timeline.data;
  return (
    <section className="ml-card" aria-label="Student timeline">
      <div className="ml-row" style={{ justifyContent: "space-between" }}>
        <h3 className="ml-card-title">{data ? `${data.nickname}'s timeline` : "Timeline"}</h3>
        <Button variant="secondary" onClick={onClose}>
          Close timeline
        </Button>
      </div>
      {!data ? (
        <p className="ml-empty">Loading…</p>
      ) : (
        <ol className="ml-stack" style={{ margin: 0, paddingLeft: 20 }}>
          {data.events.map((event, index) => (
            <li key={`${event.at.toISOString()}-${index}`}>
              <time dateTime={event.at.toISOString()}>{formatSeen(event.at)}</time> —{" "}
              {event.attempt ? (
                <QuizAttemptLine attempt={event.attempt} title={titles.get(event.attempt.questionId)} />
              ) : (
                <>
                  {event.label}
                  {event.detail ? <span className="ml-field-hint"> ({event.detail})</span> : null}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** One quiz answer in the record: which question and version, right or wrong, first try or retry. */
function QuizAttemptLine({ attempt, title }: { attempt: QuizAttemptRecord; title: string | undefined }) {
  const seconds = attempt.durationMs === null ? null : Math.round(attempt.durationMs / 1000);
  return (
    <>
      {attempt.correct ? "Right" : "Wrong"} at “{title ?? attempt.questionId}”
      {attempt.ownNumbers ? ` (own numbers, set ${attempt.variant + 1})` : ""},{" "}
      {attempt.firstTry ? "first try" : "retry"}{" "}
      {attempt.counted ? <span className="ml-badge ml-badge-success">counts towards mastery</span> : null}
      <span className="ml-field-hint">
        {" "}
        (answered {attempt.answer}
        {seconds === null ? "" : ` after ${seconds} s`})
      </span>
    </>
  );
}

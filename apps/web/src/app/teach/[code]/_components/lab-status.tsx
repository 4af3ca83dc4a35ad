import type { ClassroomLabStatus } from "@margin/db";
import { checkTitle } from "~/lab/grader";

/** Orders students by how far they got: passed, then most checks passing, then a draft, then nothing. */
export function labRank(lab: ClassroomLabStatus): number {
  if (lab.status === "passed") return 3 + (lab.passedAt ? 1 - lab.passedAt.getTime() / 1e15 : 0);
  if (lab.status === "failing") return 2 + lab.checksPassed / Math.max(1, lab.checksTotal) / 2;
  return lab.status === "draft" ? 1 : 0;
}

export function formatLabDate(at: Date): string {
  return at.toLocaleDateString(undefined, { day: "numeric", month: "short" });
}

/** One student's lab as the grid shows it, and the words a CSV or a screen reader gets. */
export function describeLab(lab: ClassroomLabStatus): { label: string; detail: string | null } {
  switch (lab.status) {
    case "passed":
      return { label: "Passed ✓", detail: lab.passedAt ? formatLabDate(lab.passedAt) : null };
    case "failing":
      return {
        label: `${lab.checksPassed} of ${lab.checksTotal} checks`,
        detail: lab.firstFailing ? `failing: ${checkTitle(lab.firstFailing)}` : null,
      };
    case "draft":
      return { label: "Draft", detail: lab.savedAt ? `saved ${formatLabDate(lab.savedAt)}` : null };
    default:
      return { label: "Not started", detail: null };
  }
}

const BADGE = {
  passed: "ml-badge-success",
  failing: "ml-badge-warning",
  draft: "",
  "not-started": "ml-badge-muted",
} as const;

/** The grid's lab cell: a status badge that opens the student's latest code, read-only. */
export function LabStatusLink({
  code,
  student,
}: {
  code: string;
  student: { studentId: string; nickname: string; lab: ClassroomLabStatus };
}) {
  const { label, detail } = describeLab(student.lab);
  const content = (
    <>
      <span className={`ml-badge ${BADGE[student.lab.status]}`}>{label}</span>
      {detail ? <span className="ml-lab-cell-detail">{detail}</span> : null}
    </>
  );
  if (student.lab.status === "not-started") return <span className="ml-lab-cell-body">{content}</span>;
  return (
    <a
      className="ml-lab-cell-body ml-lab-cell-link"
      href={`/teach/${code}/lab/${student.studentId}`}
      aria-label={`${student.nickname}'s code: ${label}${detail ? `, ${detail}` : ""}`}
    >
      {content}
    </a>
  );
}

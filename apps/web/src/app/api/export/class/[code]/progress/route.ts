import { classProgress, DbError, findClassroomByCode } from "@margin/db";
import { checkTitle } from "~/lab/grader";
import { getDb } from "~/server/db";
import { ensureLesson, lessonEntry } from "~/server/lessons";
import { csvResponse, exportCsv, percent, toCsv } from "../../../_lib/csv";

export const dynamic = "force-dynamic";

const LESSON = "cats-or-dogs";

/** The class's progress grid as CSV: one row per current student. */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return exportCsv(request, async (session) => {
    const db = getDb();
    const classroom = await findClassroomByCode(db, code);
    if (!classroom) throw new DbError("NOT_FOUND", "No such class");
    await ensureLesson(db, LESSON);
    const grid = await classProgress(db, {
      actorId: session.uid,
      classroomId: classroom.id,
      lessonSlug: LESSON,
    });
    const labels = new Map((lessonEntry(LESSON)?.meta.objectives ?? []).map((o) => [o.id, o.short]));
    const header = [
      "Student",
      ...grid.objectives.map((o) => labels.get(o.key) ?? o.key),
      "Objectives mastered",
      "Sections viewed",
      "Questions answered",
      "Right first try",
      "Quiz score %",
      "Coding lab",
      "Coding lab checks passed",
      "Coding lab checks run",
      "Coding lab first failing check",
      "Coding lab passed at",
      "Challenge private log loss",
      "Challenge rank",
      "Joined",
      "Last seen",
    ];
    const rows = grid.students.map((s) => [
      s.nickname,
      ...grid.objectives.map((o) => s.objectives[o.key] ?? "not-started"),
      s.mastered,
      s.sectionsViewed,
      s.quiz.answered,
      s.quiz.correct,
      percent(s.quiz.correct, s.quiz.answered),
      s.lab.status,
      s.lab.checksTotal > 0 ? s.lab.checksPassed : null,
      s.lab.checksTotal > 0 ? s.lab.checksTotal : null,
      checkTitle(s.lab.firstFailing),
      s.lab.passedAt?.toISOString() ?? null,
      s.challenge?.privateLogLoss ?? null,
      s.challenge?.rank ?? null,
      s.joinedAt.toISOString(),
      s.lastSeenAt.toISOString(),
    ]);
    return csvResponse(`progress-${classroom.joinCode}.csv`, toCsv(header, rows));
  });
}

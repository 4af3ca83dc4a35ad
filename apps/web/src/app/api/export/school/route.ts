import { schoolOverview } from "@margin/db";
import { getDb } from "~/server/db";
import { ensureLesson, lessonEntry } from "~/server/lessons";
import { csvResponse, exportCsv, percent, toCsv } from "../_lib/csv";

export const dynamic = "force-dynamic";

const LESSON = "cats-or-dogs";

/** The school overview as CSV: one row per class (school admins only). */
export async function GET(request: Request) {
  return exportCsv(request, async (session) => {
    const db = getDb();
    await ensureLesson(db, LESSON);
    const overview = await schoolOverview(db, { actorId: session.uid, lessonSlug: LESSON });
    const labels = new Map((lessonEntry(LESSON)?.meta.objectives ?? []).map((o) => [o.id, o.short]));
    const header = [
      "Class",
      "Join code",
      "Teacher",
      "Students",
      "Completed the lesson",
      "Completion %",
      "Mastered every objective",
      ...overview.objectives.flatMap((o) => {
        const label = labels.get(o.key) ?? o.key;
        return [`${label}: mastered`, `${label}: completed`, `${label}: practising`];
      }),
    ];
    const rows = overview.classes.map((c) => [
      c.name,
      c.joinCode,
      c.teacherName,
      c.students,
      c.completed,
      percent(c.completed, c.students),
      c.masteredAll,
      ...overview.objectives.flatMap((o) => [
        c.objectives[o.key]?.mastered ?? 0,
        c.objectives[o.key]?.completed ?? 0,
        c.objectives[o.key]?.practising ?? 0,
      ]),
    ]);
    return csvResponse(`school-${overview.school.name}.csv`, toCsv(header, rows));
  });
}

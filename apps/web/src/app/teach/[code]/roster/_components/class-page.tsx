import "server-only";
import {
  assertCanManageClassroom,
  type Classroom,
  findClassroomByCode,
  isDbError,
  type PublicUser,
} from "@margin/db";
import { notFound } from "next/navigation";
import { requireStaffPage } from "~/server/auth/guards";
import { getDb } from "~/server/db";

/**
 * The class for a teacher page, or a 404 when it is missing or not theirs (codes can't be probed). A
 * visitor who isn't signed in is sent to sign in and brought back to `/teach/<code>/<section>`.
 */
export async function managedClassPage(
  code: string,
  section: string,
): Promise<{ classroom: Classroom; user: PublicUser }> {
  const base = `/teach/${encodeURIComponent(code)}`;
  const user = await requireStaffPage(section ? `${base}/${section}` : base);
  const db = getDb();
  const classroom = await findClassroomByCode(db, code);
  if (!classroom) notFound();
  try {
    await assertCanManageClassroom(db, user.id, classroom);
  } catch (error) {
    if (isDbError(error, "FORBIDDEN")) notFound();
    throw error;
  }
  return { classroom, user };
}

/** Links between a class's teacher pages. */
export function ClassNav({ code, current }: { code: string; current: string }) {
  const links = [
    ["", "Live dashboard"],
    ["roster", "Roster"],
    ["insights", "Question insight"],
    ["history", "Challenge history"],
  ] as const;
  return (
    <nav aria-label="Class pages" className="ml-row" style={{ flexWrap: "wrap", gap: 16, marginBottom: 16 }}>
      <a href="/teach">All classes</a>
      {links.map(([path, label]) => (
        <a
          key={path}
          href={`/teach/${code}${path ? `/${path}` : ""}`}
          aria-current={current === path ? "page" : undefined}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}

import { assertCanManageClassroom, findClassroomByCode, isDbError } from "@margin/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaffPage } from "~/server/auth/guards";
import { getDb } from "~/server/db";
import { TeacherDashboard } from "./_components/teacher-dashboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Class dashboard" };

export default async function TeachClassPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const teacher = await requireStaffPage(`/teach/${encodeURIComponent(code)}`);
  const db = getDb();
  const classroom = await findClassroomByCode(db, code);
  if (!classroom) notFound();
  try {
    await assertCanManageClassroom(db, teacher.id, classroom);
  } catch (error) {
    // Another teacher's class looks exactly like a missing one: codes can't be probed.
    if (isDbError(error, "FORBIDDEN")) notFound();
    throw error;
  }
  return <TeacherDashboard classroomName={classroom.name} code={classroom.joinCode} />;
}

import { assertCanManageClassroom, findClassroomByCode, isDbError } from "@margin/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaffPage } from "~/server/auth/guards";
import { getDb } from "~/server/db";
import { StudentCode } from "./_components/student-code";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Student's code" };

export default async function StudentCodePage({
  params,
}: {
  params: Promise<{ code: string; studentId: string }>;
}) {
  const { code, studentId } = await params;
  const teacher = await requireStaffPage(
    `/teach/${encodeURIComponent(code)}/lab/${encodeURIComponent(studentId)}`,
  );
  const db = getDb();
  const classroom = await findClassroomByCode(db, code);
  if (!classroom) notFound();
  try {
    await assertCanManageClassroom(db, teacher.id, classroom);
  } catch (error) {
    if (isDbError(error, "FORBIDDEN")) notFound();
    throw error;
  }
  return <StudentCode classroomName={classroom.name} code={classroom.joinCode} studentId={studentId} />;
}

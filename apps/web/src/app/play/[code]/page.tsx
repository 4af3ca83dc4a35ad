import { findClassroomByCode, getUser } from "@margin/db";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentSession } from "~/server/auth/current";
import { getDb } from "~/server/db";
import { StudentTrainer } from "./_components/student-trainer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Train your model" };

export default async function PlayPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const db = getDb();
  const classroom = await findClassroomByCode(db, code);
  if (!classroom) notFound();
  const session = await currentSession();
  const student =
    session?.role === "student" && session.cid === classroom.id ? await getUser(db, session.uid) : null;
  // Not (yet) a member of this class: join first, with the code filled in.
  if (!student) redirect(`/?code=${classroom.joinCode}`);
  return (
    <StudentTrainer classroomName={classroom.name} code={classroom.joinCode} nickname={student.displayName} />
  );
}

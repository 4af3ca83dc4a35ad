import { findClassroomByCode } from "@margin/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "~/server/db";
import { StudentTrainer } from "./_components/student-trainer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Train your model" };

export default async function PlayPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const classroom = await findClassroomByCode(getDb(), code);
  if (!classroom) notFound();
  return <StudentTrainer classroomName={classroom.name} code={classroom.joinCode} />;
}

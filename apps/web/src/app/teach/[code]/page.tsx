import { findClassroomByCode } from "@margin/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "~/server/db";
import { TeacherDashboard } from "./_components/teacher-dashboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Class dashboard" };

export default async function TeachPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const classroom = await findClassroomByCode(getDb(), code);
  if (!classroom) notFound();
  return <TeacherDashboard classroomName={classroom.name} code={classroom.joinCode} />;
}

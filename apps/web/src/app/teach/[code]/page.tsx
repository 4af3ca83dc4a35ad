import type { Metadata } from "next";
import { TeacherDashboard } from "./_components/teacher-dashboard";
import { managedClassPage } from "./roster/_components/class-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Class dashboard" };

export default async function TeachClassPage({ params }: { params: Promise<{ code: string }> }) {
  const { classroom } = await managedClassPage((await params).code, "");
  return <TeacherDashboard classroomName={classroom.name} code={classroom.joinCode} />;
}

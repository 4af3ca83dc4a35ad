import type { Metadata } from "next";
import { managedClassPage } from "../../roster/_components/class-page";
import { StudentCode } from "./_components/student-code";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Student's code" };

export default async function StudentCodePage({
  params,
}: {
  params: Promise<{ code: string; studentId: string }>;
}) {
  const { code, studentId } = await params;
  const { classroom } = await managedClassPage(code, `lab/${encodeURIComponent(studentId)}`);
  return <StudentCode classroomName={classroom.name} code={classroom.joinCode} studentId={studentId} />;
}

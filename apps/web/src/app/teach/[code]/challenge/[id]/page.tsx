import { assertCanManageClassroom, findClassroomByCode, getChallenge, isDbError } from "@margin/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaffPage } from "~/server/auth/guards";
import { getDb } from "~/server/db";
import { joinLink } from "~/server/join-link";
import { ChallengeDashboard } from "./_components/challenge-dashboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Live challenge" };

export default async function TeacherChallengePage({
  params,
}: {
  params: Promise<{ code: string; id: string }>;
}) {
  const { code, id } = await params;
  const teacher = await requireStaffPage(
    `/teach/${encodeURIComponent(code)}/challenge/${encodeURIComponent(id)}`,
  );
  const db = getDb();
  const classroom = await findClassroomByCode(db, code);
  const challenge = classroom ? await getChallenge(db, id) : null;
  if (!classroom || !challenge || challenge.classroomId !== classroom.id) notFound();
  try {
    await assertCanManageClassroom(db, teacher.id, classroom);
  } catch (error) {
    if (isDbError(error, "FORBIDDEN")) notFound();
    throw error;
  }
  const link = await joinLink(classroom.joinCode);
  return (
    <ChallengeDashboard
      code={classroom.joinCode}
      classroomName={classroom.name}
      challengeId={challenge.id}
      joinUrl={link.url}
      qrSvg={link.qrSvg}
    />
  );
}

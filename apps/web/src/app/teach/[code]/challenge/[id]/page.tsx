import type { Metadata } from "next";
import { ChallengeDashboard } from "./_components/challenge-dashboard";
import { teacherChallengePage } from "./_components/challenge-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Live challenge" };

export default async function TeacherChallengePage({
  params,
}: {
  params: Promise<{ code: string; id: string }>;
}) {
  const { code, id } = await params;
  const { classroom, challenge, joinUrl, qrSvg } = await teacherChallengePage(code, id);
  return (
    <ChallengeDashboard
      code={classroom.joinCode}
      classroomName={classroom.name}
      challengeId={challenge.id}
      joinUrl={joinUrl}
      qrSvg={qrSvg}
    />
  );
}

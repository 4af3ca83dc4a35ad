import { getChallenge } from "@margin/db";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "~/server/db";
import { joinLink } from "~/server/join-link";
import { managedClassPage } from "../../roster/_components/class-page";
import { ChallengeDashboard } from "./_components/challenge-dashboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Live challenge" };

export default async function TeacherChallengePage({
  params,
}: {
  params: Promise<{ code: string; id: string }>;
}) {
  const { code, id } = await params;
  const { classroom } = await managedClassPage(code, `challenge/${encodeURIComponent(id)}`);
  const challenge = await getChallenge(getDb(), id);
  // Another class's challenge looks exactly like a missing one.
  if (!challenge || challenge.classroomId !== classroom.id) notFound();
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

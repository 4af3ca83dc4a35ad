import type { Metadata } from "next";
import { teacherChallengePage } from "../_components/challenge-page";
import { ProjectorView } from "./_components/projector-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Projector" };

/** The challenge on the classroom's projector: one full screen, readable from the back of the room. */
export default async function ChallengeProjectorPage({
  params,
}: {
  params: Promise<{ code: string; id: string }>;
}) {
  const { code, id } = await params;
  const { classroom, challenge, joinUrl, qrSvg } = await teacherChallengePage(code, id, "projector");
  return (
    <ProjectorView code={classroom.joinCode} challengeId={challenge.id} joinUrl={joinUrl} qrSvg={qrSvg} />
  );
}

import type { Metadata } from "next";
import { teacherChallengePage } from "../_components/challenge-page";
import { ProjectorView } from "./_components/projector-view";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Projector" };

/**
 * The challenge on the classroom's projector: one full screen, readable from the back of the room.
 * `?names=hidden` opens it with names hidden (the dashboard passes its choice on).
 */
export default async function ChallengeProjectorPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string; id: string }>;
  searchParams: Promise<{ names?: string | string[] }>;
}) {
  const { code, id } = await params;
  const { names } = await searchParams;
  const { classroom, challenge, joinUrl, qrSvg } = await teacherChallengePage(code, id, "projector");
  return (
    <ProjectorView
      code={classroom.joinCode}
      challengeId={challenge.id}
      joinUrl={joinUrl}
      qrSvg={qrSvg}
      hideNames={names === "hidden"}
    />
  );
}

import "server-only";
import { type Challenge, type Classroom, getChallenge } from "@margin/db";
import { notFound } from "next/navigation";
import { getDb } from "~/server/db";
import { joinLink } from "~/server/join-link";
import { managedClassPage } from "../../../roster/_components/class-page";

/**
 * What a teacher's page for one challenge needs: the class (theirs, or a 404), the challenge (of that
 * class: another class's looks exactly like a missing one) and the join link with its QR code.
 * `section` is the page below the challenge ("" for the dashboard), for the sign-in redirect.
 */
export async function teacherChallengePage(
  code: string,
  challengeId: string,
  section = "",
): Promise<{ classroom: Classroom; challenge: Challenge; joinUrl: string; qrSvg: string }> {
  const { classroom } = await managedClassPage(
    code,
    `challenge/${encodeURIComponent(challengeId)}${section ? `/${section}` : ""}`,
  );
  const challenge = await getChallenge(getDb(), challengeId);
  if (!challenge || challenge.classroomId !== classroom.id) notFound();
  const link = await joinLink(classroom.joinCode);
  return { classroom, challenge, joinUrl: link.url, qrSvg: link.qrSvg };
}

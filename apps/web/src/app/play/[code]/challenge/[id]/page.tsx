import { findClassroomByCode, getChallenge, getUser } from "@margin/db";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentSession } from "~/server/auth/current";
import { getDb } from "~/server/db";
import { ChallengeTrainer } from "./_components/challenge-trainer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Challenge" };

export default async function StudentChallengePage({
  params,
}: {
  params: Promise<{ code: string; id: string }>;
}) {
  const { code, id } = await params;
  const db = getDb();
  const classroom = await findClassroomByCode(db, code);
  if (!classroom) notFound();
  const session = await currentSession();
  const student =
    session?.role === "student" && session.cid === classroom.id ? await getUser(db, session.uid) : null;
  if (!student) redirect(`/?code=${classroom.joinCode}`);
  const challenge = await getChallenge(db, id);
  if (!challenge || challenge.classroomId !== classroom.id) notFound();
  return (
    <ChallengeTrainer code={classroom.joinCode} challengeId={challenge.id} nickname={student.displayName} />
  );
}

import { AppShell, PageHeader } from "@margin/ui/app-shell";
import type { Metadata } from "next";
import { ClassNav, managedClassPage } from "../../roster/_components/class-page";
import { ChallengeForm } from "./_components/challenge-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New challenge" };

export default async function NewChallengePage({ params }: { params: Promise<{ code: string }> }) {
  const { classroom } = await managedClassPage((await params).code, "challenge/new");
  return (
    <AppShell>
      <ClassNav code={classroom.joinCode} current="challenge/new" />
      <PageHeader eyebrow={classroom.name} title="New live challenge">
        Everyone in the class trains on the same points; the server ranks them on held-out points nobody sees.
        The preview shows exactly the training data your students will get.
      </PageHeader>
      <ChallengeForm code={classroom.joinCode} />
    </AppShell>
  );
}

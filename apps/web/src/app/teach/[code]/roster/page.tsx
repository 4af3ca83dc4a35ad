import { AppShell, PageHeader } from "@margin/ui/app-shell";
import type { Metadata } from "next";
import { ClassNav, managedClassPage } from "./_components/class-page";
import { Roster } from "./_components/roster";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Roster" };

export default async function RosterPage({ params }: { params: Promise<{ code: string }> }) {
  const { classroom } = await managedClassPage((await params).code, "roster");
  return (
    <AppShell>
      <ClassNav code={classroom.joinCode} current="roster" />
      <PageHeader eyebrow={classroom.name} title="Roster">
        Students in this class, when they were last active, and their rejoin PINs.
      </PageHeader>
      <Roster code={classroom.joinCode} name={classroom.name} />
    </AppShell>
  );
}

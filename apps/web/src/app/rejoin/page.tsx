import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Card } from "@margin/ui/card";
import type { Metadata } from "next";
import { RejoinForm } from "./rejoin-form";

export const metadata: Metadata = { title: "Rejoin your class" };

export default function RejoinPage() {
  return (
    <AppShell>
      <div style={{ maxWidth: 460, margin: "0 auto" }}>
        <PageHeader eyebrow="Students" title="Rejoin your class">
          Use the same nickname and the PIN you got when you first joined.
        </PageHeader>
        <Card>
          <RejoinForm />
        </Card>
      </div>
    </AppShell>
  );
}

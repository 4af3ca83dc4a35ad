import { AppShell, PageHeader } from "@margin/ui/app-shell";
import type { Metadata } from "next";
import { requireStaffPage } from "~/server/auth/guards";
import { StaffMeta } from "../_components/staff-meta";
import { SessionsCard } from "./_components/sessions-card";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireStaffPage("/account");
  return (
    <AppShell meta={<StaffMeta user={user} current="account" />}>
      <PageHeader eyebrow={user.email ?? undefined} title="Your account">
        Where you are signed in. Sign out anywhere you no longer use, or everywhere at once after using a
        shared computer.
      </PageHeader>
      <SessionsCard />
    </AppShell>
  );
}

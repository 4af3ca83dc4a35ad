import { AppShell, PageHeader } from "@margin/ui/app-shell";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaffPage } from "~/server/auth/guards";
import { StaffMeta } from "../_components/staff-meta";
import { SchoolDashboard } from "./_components/school-dashboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "School overview" };

export default async function SchoolPage() {
  const user = await requireStaffPage("/school");
  // Teachers have no school view: the page looks missing rather than forbidden.
  if (user.role !== "school_admin") notFound();
  return (
    <AppShell meta={<StaffMeta user={user} current="school" />}>
      <PageHeader eyebrow="School admin" title="School overview">
        Every class of your school at a glance; invite colleagues to teach with you.
      </PageHeader>
      <SchoolDashboard />
    </AppShell>
  );
}

import { describeInvite, isDbError } from "@margin/db";
import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Card } from "@margin/ui/card";
import type { Metadata } from "next";
import { getDb } from "~/server/db";
import { AcceptInviteForm } from "./_components/accept-invite-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Join your school" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let schoolName: string | null = null;
  let refusal: string | null = null;
  try {
    schoolName = (await describeInvite(getDb(), { token })).schoolName;
  } catch (error) {
    if (!isDbError(error)) throw error;
    refusal = error.message;
  }
  return (
    <AppShell>
      <div style={{ maxWidth: 460, margin: "0 auto" }}>
        <PageHeader eyebrow="Teachers" title={schoolName ? `Join ${schoolName}` : "Invite link"}>
          {schoolName ? "Create your teacher account; your classes will belong to this school." : null}
        </PageHeader>
        <Card>
          {refusal ? (
            <p className="ml-alert" role="alert">
              {refusal}
            </p>
          ) : (
            <AcceptInviteForm token={token} />
          )}
          <p className="ml-field-hint" style={{ marginTop: 16 }}>
            Already have an account? <a href="/signin">Sign in</a>
          </p>
        </Card>
      </div>
    </AppShell>
  );
}

import { describeInvite, isDbError } from "@margin/db";
import type { Metadata } from "next";
import { getDb } from "~/server/db";
import { OneTimeLinkPage } from "../../_components/one-time-link-page";
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
    <OneTimeLinkPage
      title={schoolName ? `Join ${schoolName}` : "Invite link"}
      intro={schoolName ? "Create your teacher account; your classes will belong to this school." : null}
      refusal={refusal}
      footer={
        <p className="ml-field-hint" style={{ marginTop: 16 }}>
          Already have an account? <a href="/signin">Sign in</a>
        </p>
      }
    >
      <AcceptInviteForm token={token} />
    </OneTimeLinkPage>
  );
}

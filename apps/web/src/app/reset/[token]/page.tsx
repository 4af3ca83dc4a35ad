import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { serverCaller } from "~/server/trpc/server-caller";
import { OneTimeLinkPage } from "../../_components/one-time-link-page";
import { ResetPasswordForm } from "./_components/reset-password-form";

export const metadata: Metadata = { title: "Set a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let teacher: { displayName: string; email: string | null } | null = null;
  let refusal: string | null = null;
  try {
    teacher = await (await serverCaller()).passwordReset.describe({ token });
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    refusal = error.message;
  }
  return (
    <OneTimeLinkPage
      title="Set a new password"
      intro={teacher ? `For ${teacher.displayName}${teacher.email ? ` (${teacher.email})` : ""}.` : null}
      refusal={refusal}
    >
      <ResetPasswordForm token={token} />
    </OneTimeLinkPage>
  );
}

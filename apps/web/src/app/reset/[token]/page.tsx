import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Card } from "@margin/ui/card";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { serverCaller } from "~/server/trpc/server-caller";
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
    <AppShell>
      <div style={{ maxWidth: 460, margin: "0 auto" }}>
        <PageHeader eyebrow="Teachers" title="Set a new password">
          {teacher ? `For ${teacher.displayName}${teacher.email ? ` (${teacher.email})` : ""}.` : null}
        </PageHeader>
        <Card>
          {refusal ? (
            <p className="ml-alert" role="alert">
              {refusal}
            </p>
          ) : (
            <ResetPasswordForm token={token} />
          )}
        </Card>
      </div>
    </AppShell>
  );
}

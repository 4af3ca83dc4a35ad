import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Card } from "@margin/ui/card";
import type { Metadata } from "next";
import { AuthForm } from "~/components/account/auth-form";

export const metadata: Metadata = { title: "Create a teacher account" };

export default function SignUpPage() {
  return (
    <AppShell>
      <div style={{ maxWidth: 460, margin: "0 auto" }}>
        <PageHeader eyebrow="Teachers" title="Create your account">
          You&apos;ll be your school&apos;s admin and can invite colleagues later.
        </PageHeader>
        <Card>
          <AuthForm mode="signup" next="/teach" />
          <p className="ml-field-hint" style={{ marginTop: 16 }}>
            Already have an account? <a href="/signin">Sign in</a>
          </p>
        </Card>
      </div>
    </AppShell>
  );
}

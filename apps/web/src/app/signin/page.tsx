import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Card } from "@margin/ui/card";
import type { Metadata } from "next";
import { AuthForm } from "~/components/account/auth-form";
import { safeNextPath } from "~/lib/safe-next-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  // Only an in-app path: `?next=/\evil.example` must not send a teacher off-site after signing in.
  const next = safeNextPath((await searchParams).next);
  return (
    <AppShell>
      <div style={{ maxWidth: 460, margin: "0 auto" }}>
        <PageHeader eyebrow="Teachers" title="Sign in" />
        <Card>
          <AuthForm mode="signin" next={next} />
          <p className="ml-field-hint" style={{ marginTop: 16 }}>
            New to Margin Lab? <a href="/signup">Create a teacher account</a>
          </p>
        </Card>
      </div>
    </AppShell>
  );
}

import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { ButtonLink } from "@margin/ui/button";
import { Card } from "@margin/ui/card";
import { currentSession } from "~/server/auth/current";
import { JoinForm } from "./_components/join-form";

export const dynamic = "force-dynamic";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const [session, { code }] = await Promise.all([currentSession(), searchParams]);
  const isStaff = session !== null && session.role !== "student";
  return (
    <AppShell meta="Phase 3 · Session 08 · 50 min">
      <PageHeader eyebrow="Cats or Dogs?" title="Logistic regression, live with your class">
        Train your own model in the browser, watch its decision boundary move, and race your classmates to the
        lowest log loss.
      </PageHeader>
      <div className="ml-grid ml-grid-2">
        <Card title="Join your class" description="Your teacher shows the join code on the projector.">
          <JoinForm initialCode={typeof code === "string" ? code.slice(0, 12) : ""} />
          <p className="ml-field-hint" style={{ marginTop: 16 }}>
            Joined before on another device? <a href="/rejoin">Rejoin with your PIN</a>
          </p>
        </Card>
        <div className="ml-stack">
          <Card
            title="The lesson"
            description="Sigmoid, log loss, gradient descent and the decision boundary."
          >
            <ButtonLink href="/lesson/cats-or-dogs" variant="secondary">
              Open the lesson
            </ButtonLink>
          </Card>
          <Card title="Teachers" description="Run the live challenge and follow your classes' progress.">
            <div className="ml-row">
              {isStaff ? (
                <ButtonLink href="/teach">Your classes</ButtonLink>
              ) : (
                <>
                  <ButtonLink href="/signin">Sign in</ButtonLink>
                  <ButtonLink href="/signup" variant="secondary">
                    Create an account
                  </ButtonLink>
                </>
              )}
            </div>
          </Card>
        </div>
      </div>
    </AppShell>
  );
}

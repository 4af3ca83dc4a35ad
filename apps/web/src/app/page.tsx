import { listClassrooms } from "@margin/db";
import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Card } from "@margin/ui/card";
import { getDb } from "~/server/db";
import { CreateClassForm } from "./_components/create-class-form";
import { JoinForm } from "./_components/join-form";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const classrooms = await listClassrooms(getDb());
  return (
    <AppShell meta="Phase 3 · Session 08 · 50 min">
      <PageHeader eyebrow="Cats or Dogs?" title="Logistic regression, live with your class">
        Train your own model in the browser, watch its decision boundary move, and race your classmates to the
        lowest log loss.
      </PageHeader>
      <div className="ml-grid ml-grid-2">
        <Card title="Join your class" description="Your teacher shows the join code on the projector.">
          <JoinForm />
        </Card>
        <Card title="Teach" description="Open a class's live dashboard on the projector.">
          <div className="ml-stack">
            {classrooms.length === 0 ? (
              <p className="ml-empty">No classes yet. Create one below.</p>
            ) : (
              <ul className="ml-stack" style={{ listStyle: "none", margin: 0, padding: 0 }}>
                {classrooms.map((classroom) => (
                  <li key={classroom.id} className="ml-row" style={{ justifyContent: "space-between" }}>
                    <span>
                      <strong>{classroom.name}</strong>{" "}
                      <span className="ml-badge ml-badge-muted">{classroom.joinCode}</span>
                    </span>
                    <a className="ml-button ml-button-secondary" href={`/teach/${classroom.joinCode}`}>
                      Open dashboard<span className="ml-visually-hidden"> for {classroom.name}</span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
            <CreateClassForm />
          </div>
        </Card>
      </div>
    </AppShell>
  );
}

import { listClassroomsForTeacher } from "@margin/db";
import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Card } from "@margin/ui/card";
import type { Metadata } from "next";
import { requireStaffPage } from "~/server/auth/guards";
import { getDb } from "~/server/db";
import { StaffMeta } from "../_components/staff-meta";
import { CreateClassForm } from "./_components/create-class-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your classes" };

export default async function TeachPage() {
  const teacher = await requireStaffPage("/teach");
  const classrooms = await listClassroomsForTeacher(getDb(), teacher.id);
  return (
    <AppShell meta={<StaffMeta user={teacher} current="teach" />}>
      <PageHeader eyebrow="Teach" title="Your classes">
        Open a class&apos;s live dashboard on the projector; students join with its code.
      </PageHeader>
      <div className="ml-grid ml-grid-sidebar">
        <Card title="Classes">
          {classrooms.length === 0 ? (
            <p className="ml-empty">No classes yet. Create your first one.</p>
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
        </Card>
        <Card title="New class">
          <CreateClassForm />
        </Card>
      </div>
    </AppShell>
  );
}

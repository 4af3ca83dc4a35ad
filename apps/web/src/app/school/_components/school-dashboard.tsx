"use client";

import { Button } from "@margin/ui/button";
import { Card } from "@margin/ui/card";
import { Stat, Stats } from "@margin/ui/stat";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { OneTimeLink } from "../../_components/one-time-link";
import { ActivityChart } from "./activity-chart";
import { AuditCard } from "./audit-card";
import { StaffCard } from "./staff-card";

const LESSON = "cats-or-dogs";
const pct = (part: number, whole: number) => (whole === 0 ? "–" : `${Math.round((100 * part) / whole)}%`);

export function SchoolDashboard() {
  const trpc = useTRPC();
  const overview = useQuery({
    ...trpc.school.overview.queryOptions({ lessonSlug: LESSON }),
    refetchInterval: 10_000,
  });
  const data = overview.data;
  const students = data?.classes.reduce((sum, c) => sum + c.students, 0) ?? 0;
  const completed = data?.classes.reduce((sum, c) => sum + c.completed, 0) ?? 0;
  const masteredAll = data?.classes.reduce((sum, c) => sum + c.masteredAll, 0) ?? 0;

  return (
    <div className="ml-stack" style={{ gap: 24 }}>
      {data ? (
        <Stats>
          <Stat label="Classes" value={String(data.classes.length)} />
          <Stat label="Students" value={String(students)} />
          <Stat label="Completed the lesson" value={pct(completed, students)} />
          <Stat label="Mastered every objective" value={pct(masteredAll, students)} />
        </Stats>
      ) : null}
      <Card
        title="Classes"
        description="Share of each class's students who mastered each objective of “Cats or Dogs?” in its quizzes; in brackets, those who completed it by its activity (the coding lab) and those still practising."
      >
        {!data ? (
          <p className="ml-empty">{overview.error ? overview.error.message : "Loading…"}</p>
        ) : data.classes.length === 0 ? (
          <p className="ml-empty">No classes yet. Invite a teacher or create one on “Your classes”.</p>
        ) : (
          <div className="ml-stack">
            <div className="ml-table-wrap">
              <table className="ml-table" aria-label="School classes">
                <thead>
                  <tr>
                    <th scope="col">Class</th>
                    <th scope="col">Teacher</th>
                    <th scope="col">Students</th>
                    <th scope="col">Completed</th>
                    {data.objectives.map((o) => (
                      <th scope="col" key={o.key} title={o.text}>
                        {o.short}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.classes.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <a href={`/teach/${c.joinCode}`}>{c.name}</a>
                      </th>
                      <td>{c.teacherName ?? "–"}</td>
                      <td>{c.students}</td>
                      <td>{pct(c.completed, c.students)}</td>
                      {data.objectives.map((o) => {
                        const counts = c.objectives[o.key] ?? { mastered: 0, completed: 0, practising: 0 };
                        const details = [
                          counts.completed ? `${pct(counts.completed, c.students)} completed` : null,
                          counts.practising ? `${pct(counts.practising, c.students)} practising` : null,
                        ].filter(Boolean);
                        return (
                          <td key={o.key}>
                            {pct(counts.mastered, c.students)}
                            {details.length > 0 ? (
                              <span className="ml-field-hint"> ({details.join(", ")})</span>
                            ) : null}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div>
              <a className="ml-button ml-button-secondary" href="/api/export/school" download>
                Download school CSV
              </a>
            </div>
          </div>
        )}
      </Card>
      <div className="ml-grid ml-grid-sidebar">
        <Card title="Activity" description="Quiz answers across the school, last 14 days.">
          {data ? <ActivityChart days={data.activity} /> : <p className="ml-empty">Loading…</p>}
        </Card>
        <div className="ml-stack">
          <InviteCard />
          <StaffCard />
          <AuditCard />
        </div>
      </div>
    </div>
  );
}

function InviteCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [link, setLink] = useState<string | null>(null);
  const open = useQuery(trpc.invites.open.queryOptions());
  const create = useMutation(
    trpc.invites.create.mutationOptions({
      onSuccess: ({ token }) => {
        setLink(`${window.location.origin}/invite/${token}`);
        void queryClient.invalidateQueries({ queryKey: trpc.invites.open.queryKey() });
      },
    }),
  );
  return (
    <Card title="Invite a teacher" description="A link for one colleague; it works once, for 7 days.">
      <div className="ml-stack">
        <Button onClick={() => create.mutate()} disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create invite link"}
        </Button>
        {create.error ? (
          <p className="ml-alert" role="alert">
            {create.error.message}
          </p>
        ) : null}
        {link ? (
          <OneTimeLink
            label="Invite link"
            link={link}
            hint="Shown only now: copy it and send it to your colleague."
          />
        ) : null}
        <p className="ml-field-hint">
          {open.data ? `${open.data.length} open invite${open.data.length === 1 ? "" : "s"}.` : null}
        </p>
      </div>
    </Card>
  );
}

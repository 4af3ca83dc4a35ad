"use client";

import type { AuditEntry } from "@margin/db";
import { Card } from "@margin/ui/card";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { ActivityList } from "../../_components/activity-list";

const name = (person: AuditEntry["actor"]) => person?.name ?? "Someone";

function describe(entry: AuditEntry): string {
  switch (entry.action) {
    case "password_reset.issued":
      return `${name(entry.actor)} created a password reset link for ${name(entry.target)}`;
    case "password_reset.used": {
      const ended = Number(entry.detail.sessionsEnded ?? 0);
      return `${name(entry.target)} set a new password with a reset link (${ended} device${ended === 1 ? "" : "s"} signed out)`;
    }
    case "student_pin.reset": {
      const student = typeof entry.detail.nickname === "string" ? entry.detail.nickname : name(entry.target);
      const where = entry.classroom ? ` in ${entry.classroom.name}` : "";
      return `${name(entry.actor)} reset the PIN of ${student}${where}`;
    }
  }
}

/** The school's audit log, newest first: who reset which password or PIN, when. */
export function AuditCard() {
  const trpc = useTRPC();
  const audit = useQuery(trpc.school.audit.queryOptions());
  return (
    <Card title="Recent account activity" description="Password reset links and students' PIN resets.">
      {!audit.data ? (
        <p className="ml-empty">{audit.error ? audit.error.message : "Loading…"}</p>
      ) : audit.data.length === 0 ? (
        <p className="ml-empty">Nothing yet.</p>
      ) : (
        <ActivityList
          label="Recent account activity"
          items={audit.data.map((entry) => ({ id: entry.id, at: entry.createdAt, text: describe(entry) }))}
        />
      )}
    </Card>
  );
}

"use client";

import { Card } from "@margin/ui/card";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

const when = (at: Date) => at.toLocaleString(undefined, { dateStyle: "short", timeStyle: "short" });

/** Who reset which student's PIN in this class, newest first (from the school's audit log). */
export function PinResets({ code }: { code: string }) {
  const trpc = useTRPC();
  const resets = useQuery(trpc.roster.pinResets.queryOptions({ code }));
  return (
    <Card title="PIN resets" description="Every new PIN given in this class, and by whom.">
      {!resets.data ? (
        <p className="ml-empty">{resets.error ? resets.error.message : "Loading…"}</p>
      ) : resets.data.length === 0 ? (
        <p className="ml-empty">No PIN has been reset.</p>
      ) : (
        <ul
          className="ml-stack"
          aria-label="PIN resets"
          style={{ listStyle: "none", margin: 0, padding: 0, gap: 8 }}
        >
          {resets.data.map((reset) => (
            <li key={reset.id}>
              <time
                className="ml-field-hint"
                style={{ display: "block" }}
                dateTime={reset.createdAt.toISOString()}
              >
                {when(reset.createdAt)}
              </time>
              {reset.nickname ?? "A student"} — by {reset.by ?? "someone no longer at the school"}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

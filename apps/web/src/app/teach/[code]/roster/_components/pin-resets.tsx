"use client";

import { Card } from "@margin/ui/card";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { ActivityList } from "../../../../_components/activity-list";

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
        <ActivityList
          label="PIN resets"
          items={resets.data.map((reset) => ({
            id: reset.id,
            at: reset.createdAt,
            text: `${reset.nickname ?? "A student"} — by ${reset.by ?? "someone no longer at the school"}`,
          }))}
        />
      )}
    </Card>
  );
}

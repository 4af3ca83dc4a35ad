"use client";

import { Card } from "@margin/ui/card";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** A banner for the class's running challenge, polled so it appears when the teacher starts one. */
export function CurrentChallenge({ code }: { code: string }) {
  const trpc = useTRPC();
  const current = useQuery({ ...trpc.challenge.current.queryOptions({ code }), refetchInterval: 3_000 });
  if (!current.data) return null;
  return (
    <div style={{ marginBottom: 24 }}>
      <Card
        title={`Live challenge: ${current.data.title}`}
        description="Everyone trains on the same data. Lowest held-out log loss wins."
      >
        <a className="ml-button ml-button-primary" href={`/play/${code}/challenge/${current.data.id}`}>
          Join the challenge
        </a>
      </Card>
    </div>
  );
}

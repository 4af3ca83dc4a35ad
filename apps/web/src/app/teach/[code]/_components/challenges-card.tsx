"use client";

import { ButtonLink } from "@margin/ui/button";
import { Card } from "@margin/ui/card";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

const STATUS_BADGE = {
  draft: "ml-badge-muted",
  live: "ml-badge-success",
  paused: "",
  ended: "ml-badge-muted",
} as const;

/** The class's challenges and a form for a new one. */
export function ChallengesCard({ code }: { code: string }) {
  const trpc = useTRPC();
  const challenges = useQuery(trpc.challenge.list.queryOptions({ code }));
  return (
    <Card
      title="Live challenges"
      description="Everyone trains on the same data; the server scores on held-out points."
    >
      {challenges.data && challenges.data.length > 0 ? (
        <ul className="ml-stack" style={{ listStyle: "none", margin: "0 0 16px", padding: 0, gap: 8 }}>
          {challenges.data.map((challenge) => (
            <li key={challenge.id} className="ml-row" style={{ justifyContent: "space-between" }}>
              <span>
                {challenge.title}{" "}
                <span className={`ml-badge ${STATUS_BADGE[challenge.status]}`}>{challenge.status}</span>
              </span>
              <ButtonLink variant="secondary" href={`/teach/${code}/challenge/${challenge.id}`}>
                Open<span className="ml-visually-hidden"> {challenge.title}</span>
              </ButtonLink>
            </li>
          ))}
        </ul>
      ) : null}
      <ButtonLink href={`/teach/${code}/challenge/new`}>New challenge</ButtonLink>
    </Card>
  );
}

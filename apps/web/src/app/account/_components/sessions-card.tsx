"use client";

import { Alert } from "@margin/ui/alert";
import { Button } from "@margin/ui/button";
import { Card } from "@margin/ui/card";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { describeDevice } from "~/lib/describe-device";
import { useTRPC } from "~/trpc/react";

const when = (at: Date) => at.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The staff member's open sessions, with sign-out for each other device and for all of them. */
export function SessionsCard() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.account.sessions.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.account.sessions.queryKey() });
  const signOutOne = useMutation(trpc.account.signOutSession.mutationOptions({ onSuccess: refresh }));
  const signOutAll = useMutation(
    trpc.account.signOutEverywhere.mutationOptions({
      onSuccess: () => {
        router.push("/signin?next=%2Faccount");
        router.refresh();
      },
    }),
  );
  const error = sessions.error ?? signOutOne.error ?? signOutAll.error;

  return (
    <Card
      title="Where you're signed in"
      description="Sessions end by themselves after 3 days unused, and 14 days after signing in."
    >
      <div className="ml-stack">
        <Alert>{error?.message}</Alert>
        {!sessions.data ? (
          <p className="ml-empty">Loading…</p>
        ) : (
          <div className="ml-table-wrap">
            <table className="ml-table" aria-label="Signed-in devices">
              <thead>
                <tr>
                  <th scope="col">Device</th>
                  <th scope="col">Signed in</th>
                  <th scope="col">Last active</th>
                  <th scope="col">
                    <span className="ml-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.map((session) => {
                  const device = describeDevice(session.userAgent);
                  return (
                    <tr key={session.id}>
                      <th scope="row">{device}</th>
                      <td>{when(session.createdAt)}</td>
                      <td>{when(session.lastUsedAt)}</td>
                      <td>
                        {session.current ? (
                          <span className="ml-badge ml-badge-success">This device</span>
                        ) : (
                          <Button
                            variant="secondary"
                            disabled={signOutOne.isPending}
                            onClick={() => signOutOne.mutate({ sessionId: session.id })}
                          >
                            Sign out<span className="ml-visually-hidden"> {device}</span>
                          </Button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <div>
          <Button
            disabled={signOutAll.isPending}
            onClick={() => {
              if (window.confirm("Sign out on every device, this one included?")) signOutAll.mutate();
            }}
          >
            {signOutAll.isPending ? "Signing out…" : "Sign out everywhere"}
          </Button>
        </div>
      </div>
    </Card>
  );
}

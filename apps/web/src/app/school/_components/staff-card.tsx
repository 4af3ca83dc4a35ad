"use client";

import { Alert } from "@margin/ui/alert";
import { Button } from "@margin/ui/button";
import { Card } from "@margin/ui/card";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";
import { OneTimeLink } from "../../_components/one-time-link";

/** The school's teachers and admins; an admin removes a teacher or gives one a password-reset link. */
export function StaffCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [resetLink, setResetLink] = useState<{ name: string; link: string } | null>(null);
  const staff = useQuery(trpc.school.staff.queryOptions());
  const refreshAudit = () => queryClient.invalidateQueries({ queryKey: trpc.school.audit.queryKey() });
  const remove = useMutation(
    trpc.school.removeTeacher.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.school.staff.queryKey() }),
    }),
  );
  const reset = useMutation(trpc.passwordReset.create.mutationOptions({ onSuccess: refreshAudit }));
  const error = remove.error ?? reset.error;
  return (
    <Card title="Staff">
      {!staff.data ? (
        <p className="ml-empty">Loading…</p>
      ) : (
        <ul className="ml-stack" style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {staff.data.map((member) => (
            <li key={member.id} className="ml-row" style={{ justifyContent: "space-between" }}>
              <span>
                <strong>{member.displayName}</strong>{" "}
                <span className="ml-badge ml-badge-muted">
                  {member.role === "school_admin" ? "admin" : "teacher"}
                </span>
              </span>
              {member.role === "teacher" ? (
                <span className="ml-row" style={{ gap: 8 }}>
                  <Button
                    variant="secondary"
                    disabled={reset.isPending}
                    onClick={() =>
                      reset.mutate(
                        { teacherId: member.id },
                        {
                          onSuccess: ({ token }) =>
                            setResetLink({
                              name: member.displayName,
                              link: `${window.location.origin}/reset/${token}`,
                            }),
                        },
                      )
                    }
                  >
                    Reset password<span className="ml-visually-hidden"> of {member.displayName}</span>
                  </Button>
                  <Button
                    variant="secondary"
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(`Remove ${member.displayName} from the school? Their classes stay.`))
                        remove.mutate({ teacherId: member.id });
                    }}
                  >
                    Remove<span className="ml-visually-hidden"> {member.displayName}</span>
                  </Button>
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {resetLink ? (
        <div style={{ marginTop: 16 }}>
          <OneTimeLink
            label={`Password reset link for ${resetLink.name}`}
            link={resetLink.link}
            hint="Shown only now. It works once, for 1 hour; give it to the teacher in person or by message. Their devices are signed out when they use it."
          />
        </div>
      ) : null}
      <Alert>{error?.message}</Alert>
    </Card>
  );
}

"use client";

import { Button } from "@margin/ui/button";
import { Card } from "@margin/ui/card";
import { TextField } from "@margin/ui/text-field";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { PinResets } from "./pin-resets";

const when = (at: Date) => at.toLocaleString(undefined, { dateStyle: "short", timeStyle: "short" });

export function Roster({ code, name }: { code: string; name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const roster = useQuery(trpc.roster.list.queryOptions({ code }));
  const [pin, setPin] = useState<{ nickname: string; pin: string } | null>(null);
  const [newName, setNewName] = useState(name);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.roster.list.queryKey({ code }) });
  const reset = useMutation(
    trpc.roster.resetPin.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.roster.pinResets.queryKey({ code }) }),
    }),
  );
  const remove = useMutation(trpc.roster.remove.mutationOptions({ onSuccess: refresh }));
  const rename = useMutation(trpc.roster.rename.mutationOptions({ onSuccess: () => router.refresh() }));
  const archive = useMutation(
    trpc.roster.archive.mutationOptions({ onSuccess: () => router.push("/teach") }),
  );
  const error = reset.error ?? remove.error ?? archive.error;

  function submitRename(event: FormEvent) {
    event.preventDefault();
    rename.mutate({ code, name: newName });
  }

  return (
    <div className="ml-grid ml-grid-sidebar">
      <Card title="Students">
        {error ? (
          <p className="ml-alert" role="alert">
            {error.message}
          </p>
        ) : null}
        {pin ? (
          <p className="ml-callout" role="status">
            New PIN for {pin.nickname}:{" "}
            <strong className="ml-join-code ml-join-code-compact">{pin.pin}</strong> — shown once; give it to
            the student. They are signed out on their devices and rejoin with it.
          </p>
        ) : null}
        {!roster.data ? (
          <p className="ml-empty">Loading…</p>
        ) : roster.data.students.length === 0 ? (
          <p className="ml-empty">No students have joined yet.</p>
        ) : (
          <div className="ml-table-wrap">
            <table className="ml-table" aria-label="Roster">
              <thead>
                <tr>
                  <th scope="col">Nickname</th>
                  <th scope="col">Joined</th>
                  <th scope="col">Last seen</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {roster.data.students.map((student) => (
                  <tr key={student.studentId}>
                    <th scope="row">{student.nickname}</th>
                    <td>{when(student.joinedAt)}</td>
                    <td>{when(student.lastSeenAt)}</td>
                    <td>
                      <div className="ml-row" style={{ gap: 8 }}>
                        <Button
                          variant="secondary"
                          disabled={reset.isPending}
                          onClick={() =>
                            reset.mutate(
                              { code, studentId: student.studentId },
                              {
                                onSuccess: ({ pin: next }) =>
                                  setPin({ nickname: student.nickname, pin: next }),
                              },
                            )
                          }
                        >
                          Reset PIN<span className="ml-visually-hidden"> for {student.nickname}</span>
                        </Button>
                        <Button
                          variant="secondary"
                          disabled={remove.isPending}
                          onClick={() => {
                            if (
                              window.confirm(
                                `Remove ${student.nickname} from the class? Their answers stay in the class's history.`,
                              )
                            )
                              remove.mutate({ code, studentId: student.studentId });
                          }}
                        >
                          Remove<span className="ml-visually-hidden"> {student.nickname}</span>
                        </Button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <div className="ml-stack">
        <Card title="Class name">
          <form className="ml-stack" onSubmit={submitRename}>
            <TextField
              label="Class name"
              maxLength={80}
              value={newName}
              onChange={(event) => setNewName(event.target.value)}
              error={rename.error?.message ?? null}
              hint={rename.isSuccess ? "Saved." : undefined}
            />
            <Button type="submit" disabled={rename.isPending || newName.trim().length === 0}>
              Rename class
            </Button>
          </form>
        </Card>
        <PinResets code={code} />
        <Card title="Archive" description="Hides the class and closes its join code; its history is kept.">
          <Button
            variant="secondary"
            disabled={archive.isPending}
            onClick={() => {
              if (window.confirm("Archive this class? Students can no longer join or rejoin it."))
                archive.mutate({ code });
            }}
          >
            Archive class
          </Button>
        </Card>
      </div>
    </div>
  );
}

"use client";

import { Button } from "@margin/ui/button";
import { TextField } from "@margin/ui/text-field";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useState } from "react";
import { savedNickname, saveNickname } from "~/lib/identity";
import { useTRPC } from "~/trpc/react";

export function JoinForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [code, setCode] = useState("");
  const [nickname, setNickname] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => setNickname(savedNickname()), []);

  async function join(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const classroom = await queryClient.fetchQuery(trpc.classroom.byCode.queryOptions({ code }));
      saveNickname(nickname.trim());
      router.push(`/play/${classroom.joinCode}`);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Could not join");
      setBusy(false);
    }
  }

  return (
    <form className="ml-stack" onSubmit={join} noValidate>
      <TextField
        label="Join code"
        code
        required
        autoComplete="off"
        maxLength={12}
        value={code}
        onChange={(event) => setCode(event.target.value.toUpperCase())}
        error={error}
      />
      <TextField
        label="Nickname"
        hint="Shown to your class. No real names needed."
        required
        maxLength={24}
        value={nickname}
        onChange={(event) => setNickname(event.target.value)}
      />
      <Button type="submit" disabled={busy || code.trim().length === 0 || nickname.trim().length === 0}>
        {busy ? "Joining…" : "Join class"}
      </Button>
    </form>
  );
}

"use client";

import { Button } from "@margin/ui/button";
import { TextField } from "@margin/ui/text-field";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";

/** Join with code and nickname; then show the PIN once, before entering the class. */
export function JoinForm({ initialCode }: { initialCode: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [code, setCode] = useState(initialCode.toUpperCase());
  const [nickname, setNickname] = useState("");
  const join = useMutation(trpc.student.join.mutationOptions());

  function submit(event: FormEvent) {
    event.preventDefault();
    join.mutate({ code, nickname });
  }

  if (join.data) {
    const joined = join.data;
    return (
      <div className="ml-stack" role="status">
        <p style={{ margin: 0 }}>
          You&apos;re in, <strong>{joined.nickname}</strong>! Your PIN is
        </p>
        <p className="ml-join-code" style={{ margin: 0 }}>
          {joined.pin}
        </p>
        <p className="ml-field-hint" style={{ margin: 0 }}>
          Write it down: with your nickname and this PIN you can rejoin on another device.
        </p>
        <Button onClick={() => router.push(`/play/${joined.code}`)}>Continue to the class</Button>
      </div>
    );
  }

  const fieldErrors = (join.error?.data as { fieldErrors?: Record<string, string[]> } | undefined)
    ?.fieldErrors;
  const codeError =
    fieldErrors?.code?.[0] ?? (join.error?.data?.code === "NOT_FOUND" ? join.error.message : null);
  const nicknameError =
    fieldErrors?.nickname?.[0] ?? (join.error?.data?.code === "CONFLICT" ? join.error.message : null);

  return (
    <form className="ml-stack" onSubmit={submit} noValidate>
      <TextField
        label="Join code"
        code
        autoComplete="off"
        maxLength={12}
        value={code}
        onChange={(event) => setCode(event.target.value.toUpperCase())}
        error={codeError}
      />
      <TextField
        label="Nickname"
        hint="Shown to your class. No real names needed."
        maxLength={24}
        value={nickname}
        onChange={(event) => setNickname(event.target.value)}
        error={nicknameError}
      />
      <Button
        type="submit"
        disabled={join.isPending || code.trim().length === 0 || nickname.trim().length === 0}
      >
        {join.isPending ? "Joining…" : "Join class"}
      </Button>
    </form>
  );
}

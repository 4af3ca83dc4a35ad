"use client";

import { Button } from "@margin/ui/button";
import { TextField } from "@margin/ui/text-field";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";

export function RejoinForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState({ code: "", nickname: "", pin: "" });
  const rejoin = useMutation(
    trpc.student.rejoin.mutationOptions({ onSuccess: (joined) => router.push(`/play/${joined.code}`) }),
  );
  const set = (key: keyof typeof values) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setValues((previous) => ({ ...previous, [key]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    rejoin.mutate(values);
  }

  return (
    <form className="ml-stack" onSubmit={submit} noValidate>
      {rejoin.error ? (
        <p className="ml-alert" role="alert">
          {rejoin.error.message}
        </p>
      ) : null}
      <TextField
        label="Join code"
        code
        autoComplete="off"
        maxLength={12}
        value={values.code}
        onChange={set("code")}
      />
      <TextField label="Nickname" maxLength={24} value={values.nickname} onChange={set("nickname")} />
      <TextField
        label="PIN"
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        value={values.pin}
        onChange={set("pin")}
      />
      <Button type="submit" disabled={rejoin.isPending}>
        {rejoin.isPending ? "Checking…" : "Rejoin"}
      </Button>
    </form>
  );
}

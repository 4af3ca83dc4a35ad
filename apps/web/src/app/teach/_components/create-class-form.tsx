"use client";

import { Button } from "@margin/ui/button";
import { TextField } from "@margin/ui/text-field";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useTRPC } from "~/trpc/react";

export function CreateClassForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const create = useMutation(
    trpc.classroom.create.mutationOptions({
      onSuccess: (classroom) => router.push(`/teach/${classroom.joinCode}`),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name });
  }

  return (
    <form className="ml-stack" onSubmit={submit}>
      <div>
        <TextField
          label="New class name"
          maxLength={80}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={create.error?.message ?? null}
        />
      </div>
      <Button type="submit" disabled={create.isPending || name.trim().length === 0}>
        Create class
      </Button>
    </form>
  );
}

"use client";

import { Alert } from "@margin/ui/alert";
import { Button } from "@margin/ui/button";
import { TextField } from "@margin/ui/text-field";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { formErrorsOf } from "~/components/form-errors";
import { useTRPC } from "~/trpc/react";

export function AcceptInviteForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState({ displayName: "", email: "", password: "" });
  const accept = useMutation(
    trpc.invites.accept.mutationOptions({
      onSuccess: () => {
        router.push("/teach");
        router.refresh();
      },
    }),
  );
  const { fieldErrors, formError } = formErrorsOf(accept.error);
  const set = (key: keyof typeof values) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setValues((previous) => ({ ...previous, [key]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    accept.mutate({ token, ...values });
  }

  return (
    <form className="ml-stack" onSubmit={submit} noValidate>
      <Alert>{formError}</Alert>
      <TextField
        label="Your name"
        autoComplete="name"
        value={values.displayName}
        onChange={set("displayName")}
        error={fieldErrors.displayName?.[0]}
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        value={values.email}
        onChange={set("email")}
        error={fieldErrors.email?.[0]}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        value={values.password}
        onChange={set("password")}
        error={fieldErrors.password?.[0]}
      />
      <Button type="submit" disabled={accept.isPending}>
        {accept.isPending ? "Joining…" : "Join the school"}
      </Button>
    </form>
  );
}

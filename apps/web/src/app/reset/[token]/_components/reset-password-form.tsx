"use client";

import { Alert } from "@margin/ui/alert";
import { Button, ButtonLink } from "@margin/ui/button";
import { TextField } from "@margin/ui/text-field";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { formErrorsOf } from "~/components/form-errors";
import { useTRPC } from "~/trpc/react";

/** The new password, once; afterwards the teacher signs in with it everywhere. */
export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const complete = useMutation(trpc.passwordReset.complete.mutationOptions());
  const { fieldErrors, formError } = formErrorsOf(complete.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    complete.mutate({ token, password });
  }

  if (complete.isSuccess) {
    return (
      <div className="ml-stack" role="status">
        <p style={{ margin: 0 }}>
          Your password is changed. Every device you were signed in on has been signed out.
        </p>
        <div>
          <ButtonLink href="/signin">Sign in</ButtonLink>
        </div>
      </div>
    );
  }

  return (
    <form className="ml-stack" onSubmit={submit} noValidate>
      <Alert>{formError}</Alert>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. This link works once."
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fieldErrors.password?.[0]}
      />
      <Button type="submit" disabled={complete.isPending}>
        {complete.isPending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}

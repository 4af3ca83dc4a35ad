"use client";

import { Alert } from "@margin/ui/alert";
import { Button } from "@margin/ui/button";
import { TextField } from "@margin/ui/text-field";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { formErrorsOf } from "~/components/form-errors";
import { safeNextPath } from "~/lib/safe-next-path";
import { useTRPC } from "~/trpc/react";

/** Sign in or sign up; on success goes to `next` (an in-app path only, see safeNextPath). */
export function AuthForm({ mode, next }: { mode: "signin" | "signup"; next: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState({ displayName: "", schoolName: "", email: "", password: "" });
  const onSuccess = () => {
    router.push(safeNextPath(next));
    router.refresh();
  };
  const signIn = useMutation(trpc.auth.signIn.mutationOptions({ onSuccess }));
  const signUp = useMutation(trpc.auth.signUp.mutationOptions({ onSuccess }));
  const active = mode === "signin" ? signIn : signUp;
  const { fieldErrors, formError } = formErrorsOf(active.error);
  const set = (key: keyof typeof values) => (event: React.ChangeEvent<HTMLInputElement>) =>
    setValues((previous) => ({ ...previous, [key]: event.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (mode === "signin") signIn.mutate({ email: values.email, password: values.password });
    else signUp.mutate(values);
  }

  return (
    <form className="ml-stack" onSubmit={submit} noValidate>
      <Alert>{formError}</Alert>
      {mode === "signup" ? (
        <>
          <TextField
            label="Your name"
            autoComplete="name"
            value={values.displayName}
            onChange={set("displayName")}
            error={fieldErrors.displayName?.[0]}
          />
          <TextField
            label="School"
            autoComplete="organization"
            value={values.schoolName}
            onChange={set("schoolName")}
            error={fieldErrors.schoolName?.[0]}
          />
        </>
      ) : null}
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
        autoComplete={mode === "signin" ? "current-password" : "new-password"}
        hint={mode === "signup" ? "At least 10 characters." : undefined}
        value={values.password}
        onChange={set("password")}
        error={fieldErrors.password?.[0]}
      />
      <Button type="submit" disabled={active.isPending}>
        {mode === "signin"
          ? active.isPending
            ? "Signing in…"
            : "Sign in"
          : active.isPending
            ? "Creating…"
            : "Create account"}
      </Button>
    </form>
  );
}

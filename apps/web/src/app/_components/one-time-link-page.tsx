import { Alert } from "@margin/ui/alert";
import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { Card } from "@margin/ui/card";
import type { ReactNode } from "react";

/**
 * The page a one-time link opens (an invite, a password reset): what it is for and its form, or why the
 * link can't be used any more.
 */
export function OneTimeLinkPage(props: {
  title: string;
  intro: ReactNode;
  /** Why the link was refused; the form is not shown then. */
  refusal: string | null;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <AppShell>
      <div style={{ maxWidth: 460, margin: "0 auto" }}>
        <PageHeader eyebrow="Teachers" title={props.title}>
          {props.intro}
        </PageHeader>
        <Card>
          {props.refusal ? <Alert>{props.refusal}</Alert> : props.children}
          {props.footer}
        </Card>
      </div>
    </AppShell>
  );
}

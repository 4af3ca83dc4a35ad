import { AppShell, PageHeader } from "@margin/ui/app-shell";
import { ButtonLink } from "@margin/ui/button";

export default function NotFound() {
  return (
    <AppShell>
      <PageHeader eyebrow="Not found" title="We couldn't find that class">
        Check the join code on the projector and try again.
      </PageHeader>
      <ButtonLink href="/">Back to the start</ButtonLink>
    </AppShell>
  );
}

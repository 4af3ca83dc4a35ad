import type { PublicUser } from "@margin/db";
import { SignOutButton } from "~/components/account/sign-out-button";

/** The top bar's links for a signed-in teacher or admin: their pages, their account, sign out. */
export function StaffMeta({ user, current }: { user: PublicUser; current: "teach" | "school" | "account" }) {
  return (
    <span className="ml-row">
      {current !== "teach" ? <a href="/teach">Your classes</a> : null}
      {current !== "school" && user.role === "school_admin" ? <a href="/school">School overview</a> : null}
      {current !== "account" ? (
        <a href="/account" title="Your account: where you are signed in">
          {user.displayName}
        </a>
      ) : (
        <span>{user.displayName}</span>
      )}
      <SignOutButton />
    </span>
  );
}

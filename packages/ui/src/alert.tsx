import type { ReactNode } from "react";

/** An error or refusal the user must read, announced as it appears; nothing when there is none. */
export function Alert({ children }: { children: ReactNode }) {
  if (children === null || children === undefined || children === false || children === "") return null;
  return (
    <p className="ml-alert" role="alert">
      {children}
    </p>
  );
}

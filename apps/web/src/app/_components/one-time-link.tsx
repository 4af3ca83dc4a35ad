"use client";

import { Button } from "@margin/ui/button";
import { useId, useState } from "react";

/** A secret link shown once (an invite, a password reset): read-only, selected on focus, with a copy button. */
export function OneTimeLink({ label, link, hint }: { label: string; link: string; hint: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="ml-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="ml-input" readOnly value={link} onFocus={(e) => e.target.select()} />
      <span className="ml-field-hint">{hint}</span>
      <Button
        variant="secondary"
        onClick={() => {
          void navigator.clipboard?.writeText(link).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? "Copied" : "Copy link"}
      </Button>
    </div>
  );
}

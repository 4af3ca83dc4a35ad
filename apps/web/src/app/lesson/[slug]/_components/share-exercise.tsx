"use client";

import { useId, useState } from "react";
import type { WidgetKind } from "~/content/lesson-types";
import { type AnyWidgetState, exerciseUrl, type ParamSpec, WIDGET_PARAMS } from "~/lib/lesson-url-state";

/**
 * Turns the widget's current state into a link a teacher can hand out, optionally with some controls
 * hidden so students explore only what the exercise is about.
 */
export function ShareExercise({
  kind,
  state,
  initialHidden,
  anchor,
}: {
  kind: WidgetKind;
  state: AnyWidgetState;
  initialHidden: readonly string[];
  anchor: string;
}) {
  const specs = Object.entries(WIDGET_PARAMS[kind] as Record<string, ParamSpec>);
  const [hide, setHide] = useState<readonly string[]>(initialHidden);
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const id = useId();

  async function copy() {
    const url = exerciseUrl(window.location.href, kind, state, hide, anchor);
    setLink(url);
    try {
      // Unavailable over plain http (a classroom laptop on the LAN) and when permission is denied.
      await navigator.clipboard.writeText(url);
      setStatus("Link copied.");
    } catch {
      setStatus("Copy the link below.");
    }
  }

  return (
    <div className="ml-share">
      <div className="ml-share-row">
        <button
          type="button"
          className="ml-button ml-button-secondary ml-share-button"
          onClick={() => void copy()}
        >
          <LinkIcon /> Copy link to this exercise
        </button>
        <details className="ml-share-options">
          <summary>Hide controls{hide.length > 0 ? ` (${hide.length})` : ""}</summary>
          <fieldset>
            <legend className="ml-visually-hidden">Controls to hide in the shared link</legend>
            {specs.map(([key, spec]) => (
              <label key={key} className="ml-check">
                <input
                  type="checkbox"
                  checked={hide.includes(key)}
                  onChange={(event) =>
                    setHide((previous) =>
                      event.target.checked ? [...previous, key] : previous.filter((name) => name !== key),
                    )
                  }
                />
                <span className="ml-visually-hidden">Hide </span>
                {spec.label}
              </label>
            ))}
          </fieldset>
        </details>
        <span className="ml-field-hint" aria-live="polite">
          {status}
        </span>
      </div>
      {link ? (
        <div className="ml-field">
          <label htmlFor={id} className="ml-visually-hidden">
            Exercise link
          </label>
          <input
            id={id}
            className="ml-input ml-share-link"
            readOnly
            value={link}
            onFocus={(event) => event.currentTarget.select()}
          />
        </div>
      ) : null}
    </div>
  );
}

// Drawn, not an emoji: classroom machines often lack an emoji font and show a blank box instead.
function LinkIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" aria-hidden="true" focusable="false">
      <path
        d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

"use client";

import { useEffect, useState } from "react";
import { Button } from "./button";

/**
 * Puts the page (or `target`) in full screen with the Fullscreen API and back; pressed while full
 * screen. Renders nothing where the browser doesn't allow it (e.g. an iframe without permission).
 */
export function FullscreenButton({ target }: { target?: () => HTMLElement | null }) {
  const [supported, setSupported] = useState(false);
  const [active, setActive] = useState(false);
  useEffect(() => {
    setSupported(document.fullscreenEnabled);
    const sync = () => setActive(document.fullscreenElement !== null);
    sync();
    document.addEventListener("fullscreenchange", sync);
    return () => document.removeEventListener("fullscreenchange", sync);
  }, []);
  if (!supported) return null;
  const toggle = () => {
    // Both return promises that reject when the browser refuses (no user gesture): nothing to undo then.
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void (target?.() ?? document.documentElement).requestFullscreen().catch(() => {});
  };
  return (
    <Button variant="secondary" aria-pressed={active} onClick={toggle}>
      {active ? "Exit full screen" : "Full screen"}
    </Button>
  );
}

"use client";

import type { ChallengeStatus } from "@margin/core/protocol";
import { useEffect, useState } from "react";
import { formatRemaining } from "~/lib/challenge-data";

/** Under this much time left the clock turns red: the last ten seconds, for the drama. */
const FINAL_SECONDS_MS = 10_000;

/**
 * The server's remaining time, counted down here between two polls: `remainingMs` was true at
 * `measuredAt` (when the answer arrived), so the clock ticks every second without trusting the
 * projector's idea of when the race started. Paused and draft challenges hold still.
 */
export function ServerCountdown({
  status,
  remainingMs,
  measuredAt,
}: {
  status: ChallengeStatus;
  remainingMs: number;
  measuredAt: number;
}) {
  const running = status === "live";
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  const left = running ? Math.max(0, remainingMs - Math.max(0, now - measuredAt)) : remainingMs;
  const label =
    status === "ended"
      ? "Time's up"
      : status === "paused"
        ? "Paused"
        : status === "draft"
          ? "Starts soon"
          : "Time left";
  const urgent = running && left <= FINAL_SECONDS_MS;
  return (
    <div className={`ml-projector-clock${urgent ? " ml-projector-clock-urgent" : ""}`} role="timer">
      <span className="ml-projector-clock-label">{label}</span>
      <span className="ml-projector-clock-time">{status === "ended" ? "0:00" : formatRemaining(left)}</span>
    </div>
  );
}

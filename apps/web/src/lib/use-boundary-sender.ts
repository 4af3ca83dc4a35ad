"use client";

import type { FeatureModel } from "@margin/core";
import type { Ack, BoundaryScore, TrainingSettings } from "@margin/core/protocol";
import { useCallback, useRef } from "react";
import type { RealtimeSocket } from "./use-realtime";

/** The realtime service accepts 10 updates/s per student; stay under it. */
export const SEND_INTERVAL_MS = 150;

/**
 * Streams a student's boundary to the realtime service, at most once per SEND_INTERVAL_MS unless
 * `force` (the final model of a run), with the settings that produced it (shown on the student's card on
 * the teacher's dashboard). The model names its features; the server computes them from its own points.
 * The server's answer (its own loss and accuracy, or a refusal) goes to `onAck`.
 */
export function useBoundarySender(
  socket: RealtimeSocket | null,
  onAck: (ack: Ack<BoundaryScore>) => void,
): (model: FeatureModel, iteration: number, settings: TrainingSettings, force?: boolean) => void {
  const lastSent = useRef(0);
  const ackRef = useRef(onAck);
  ackRef.current = onAck;
  return useCallback(
    (model: FeatureModel, iteration: number, settings: TrainingSettings, force = false) => {
      const now = performance.now();
      if (!socket?.connected || (!force && now - lastSent.current < SEND_INTERVAL_MS)) return;
      lastSent.current = now;
      const payload = { w: [...model.w], b: model.b, features: [...model.features], iteration, settings };
      socket.emit("boundary:update", payload, (ack) => ackRef.current(ack));
    },
    [socket],
  );
}

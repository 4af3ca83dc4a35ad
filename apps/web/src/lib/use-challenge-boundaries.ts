"use client";

import type { ChallengeStatus } from "@margin/core/protocol";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { type ColoredBoundary, mergeBoundaryBatch } from "./live-boundaries";
import { type ConnectionStatus, type RealtimeSocket, useRealtime } from "./use-realtime";

/** A student's latest boundary on a teacher's screen plus the public losses seen so far (a trend line). */
export type LiveStudent = ColoredBoundary & { history: number[] };
const HISTORY = 40;

/**
 * A teacher's live view of a challenge from the realtime service, shared by the dashboard and the
 * projector: every student's latest scored boundary (merged batch by batch, colours kept), and the
 * challenge's status as the service announces it (`onStatus`, e.g. to refetch at once rather than at the
 * next poll).
 */
export function useChallengeBoundaries(
  challengeId: string,
  onStatus?: (status: ChallengeStatus) => void,
): { live: ReadonlyMap<string, LiveStudent>; link: ConnectionStatus } {
  const trpc = useTRPC();
  const [live, setLive] = useState<ReadonlyMap<string, LiveStudent>>(new Map());
  const statusRef = useRef(onStatus);
  statusRef.current = onStatus;
  const tokenMutation = useMutation(trpc.challenge.realtimeToken.mutationOptions());
  const getCredentials = useCallback(
    () => tokenMutation.mutateAsync({ challengeId }),
    [tokenMutation.mutateAsync, challengeId],
  );
  const setup = useCallback((socket: RealtimeSocket) => {
    socket.on("boundaries:updated", (batch) => {
      setLive((previous) =>
        mergeBoundaryBatch(previous, batch, (boundary, before) => ({
          ...boundary,
          history: [...(before?.history ?? []), boundary.loss].slice(-HISTORY),
        })),
      );
    });
    socket.on("challenge:status", ({ status }) => statusRef.current?.(status));
  }, []);
  const { status: link } = useRealtime(getCredentials, setup);
  return { live, link };
}

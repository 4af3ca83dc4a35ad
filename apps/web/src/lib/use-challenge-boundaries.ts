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

export interface ChallengeBoundariesOptions {
  /** Called with every status the realtime service announces (the server's clock ends races itself). */
  onStatus?: (status: ChallengeStatus) => void;
  /** Start with names hidden: the server then sends aliases only, from the handshake on. */
  hideNames?: boolean;
}

/**
 * A teacher's live view of a challenge from the realtime service, shared by the dashboard and the
 * projector: every student's latest scored boundary (merged batch by batch, colours kept), the
 * challenge's status as the service announces it, and whether names are hidden. Hidden names are hidden
 * by the server: the stream then carries aliases ("Student 3") and no nickname or student id at all.
 */
export function useChallengeBoundaries(
  challengeId: string,
  options: ChallengeBoundariesOptions = {},
): {
  live: ReadonlyMap<string, LiveStudent>;
  link: ConnectionStatus;
  hideNames: boolean;
  setHideNames: (hidden: boolean) => void;
} {
  const trpc = useTRPC();
  const [live, setLive] = useState<ReadonlyMap<string, LiveStudent>>(new Map());
  const [hideNames, setHidden] = useState(options.hideNames ?? false);
  const statusRef = useRef(options.onStatus);
  statusRef.current = options.onStatus;
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
  const { socket, status: link } = useRealtime(getCredentials, setup, { hideNames });

  /** Switches names off or on, on this connection, without a reload. */
  const setHideNames = useCallback(
    (hidden: boolean) => {
      setHidden(hidden);
      // Students are keyed by aliases in one form and by ids in the other: start the picture afresh once
      // the server has switched (everything after its answer comes in the new form).
      socket?.emit("names:hide", { hidden }, () => setLive(new Map()));
    },
    [socket],
  );
  return { live, link, hideNames, setHideNames };
}

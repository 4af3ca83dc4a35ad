"use client";

import type { ClientToServerEvents, ServerToClientEvents } from "@margin/core/protocol";
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionStatus = "connecting" | "connected" | "offline" | "refused";

export interface Credentials {
  token: string;
  url: string;
}

/** Sent with the token in the handshake, read again on every (re)connection. */
export interface HandshakeOptions {
  /** A teacher's screen that hides names receives aliases only (see `names:hide`). */
  hideNames?: boolean;
}

/**
 * One Socket.IO connection for the component's lifetime. Credentials are fetched again on every
 * (re)connection, so an expired token is replaced rather than retried forever.
 */
export function useRealtime(
  getCredentials: (() => Promise<Credentials>) | null,
  setup: (socket: RealtimeSocket) => void,
  options: HandshakeOptions = {},
): { socket: RealtimeSocket | null; status: ConnectionStatus } {
  const [status, setStatus] = useState<ConnectionStatus>("connecting");
  const [socket, setSocket] = useState<RealtimeSocket | null>(null);
  const setupRef = useRef(setup);
  setupRef.current = setup;
  const credentialsRef = useRef(getCredentials);
  credentialsRef.current = getCredentials;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const enabled = getCredentials !== null;

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let current: RealtimeSocket | null = null;

    void (async () => {
      const first = await credentialsRef.current?.().catch(() => null);
      if (cancelled) return;
      if (!first) {
        setStatus("refused");
        return;
      }
      let pending: Credentials | null = first;
      current = io(first.url, {
        transports: ["websocket"],
        auth: (callback) => {
          const use = (credentials: Credentials) =>
            callback({ token: credentials.token, ...optionsRef.current });
          if (pending) {
            use(pending);
            pending = null;
            return;
          }
          credentialsRef.current?.().then(use, () => callback({}));
        },
      });
      current.on("connect", () => setStatus("connected"));
      current.on("disconnect", () => setStatus("offline"));
      current.on("connect_error", (error) =>
        setStatus(error.message.startsWith("unauthorized") ? "refused" : "offline"),
      );
      setupRef.current(current);
      setSocket(current);
    })();

    return () => {
      cancelled = true;
      current?.close();
      setSocket(null);
    };
  }, [enabled]);

  return { socket, status };
}

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ClientToServerEvents, ServerToClientEvents } from "@margin/core/protocol";
import { type ClaimsInput, signRealtimeToken } from "@margin/core/protocol";
import { io as connect, type Socket } from "socket.io-client";
import { createRealtimeServer, type RealtimeDeps } from "./app";
import { silentLogger } from "./logger";

export const TEST_SECRET = "integration-test-secret-0123456789abcdef";
export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real realtime server on an ephemeral port. */
export async function startServer(overrides: Partial<RealtimeDeps> = {}) {
  const httpServer = createServer();
  const handle = await createRealtimeServer(httpServer, {
    secret: TEST_SECRET,
    corsOrigins: ["http://localhost:3000"],
    logger: silentLogger,
    flushIntervalMs: 20,
    ...overrides,
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return {
    url,
    async close() {
      await handle.close();
      httpServer.close();
    },
  };
}

export async function tokenFor(claims: ClaimsInput, secret = TEST_SECRET): Promise<string> {
  return signRealtimeToken(claims, secret, 60);
}

/** Connects and resolves once connected, or rejects with the server's refusal. */
export function connectClient(
  url: string,
  token: string | undefined,
  beforeConnect: (socket: TestClient) => void = () => {},
): Promise<TestClient> {
  const socket: TestClient = connect(url, {
    auth: token === undefined ? {} : { token },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    autoConnect: false,
  });
  beforeConnect(socket);
  socket.connect();
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

export function student(studentId: string, nickname = studentId, classroomId = "class-a"): ClaimsInput {
  return { role: "student", classroomId, studentId, nickname };
}

export function teacher(classroomId = "class-a"): ClaimsInput {
  return { role: "teacher", classroomId };
}

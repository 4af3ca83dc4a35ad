/// <reference lib="webworker" />

import type { SandboxRequest, SandboxResponse } from "./protocol";
import { compileStudentCode, describeError, runCalls } from "./sandbox-runtime";

// Captured before the student's code exists; the globals themselves are removed below.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply: (message: SandboxResponse) => void = scope.postMessage.bind(scope);
const FunctionCtor = Function;

/** Everything that reaches the network, storage, other contexts or evaluates strings. */
const BLOCKED = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "WebSocketStream",
  "WebTransport",
  "EventSource",
  "importScripts",
  "indexedDB",
  "caches",
  "cookieStore",
  "BroadcastChannel",
  "Worker",
  "SharedWorker",
  "MessageChannel",
  "postMessage",
  "close",
  "navigator",
  "location",
  "setTimeout",
  "setInterval",
  "queueMicrotask",
  "requestAnimationFrame",
  "FileReaderSync",
  "OffscreenCanvas",
  "createImageBitmap",
  "Request",
  "Response",
  "eval",
  "Function",
  "WebAssembly",
];

function lockDown(): void {
  const holders: object[] = [];
  for (
    let proto: object | null = scope;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    holders.push(proto);
  }
  for (const name of BLOCKED) {
    for (const holder of holders) {
      try {
        delete (holder as Record<string, unknown>)[name];
      } catch {
        // non-configurable: shadowed below
      }
    }
    try {
      Object.defineProperty(scope, name, { value: undefined, writable: false, configurable: false });
    } catch {
      // already gone
    }
  }
  // No way back to a string evaluator through any function's constructor.
  const kinds = [() => {}, async () => {}, function* () {}, async function* () {}];
  for (const fn of kinds) {
    try {
      Object.defineProperty(Object.getPrototypeOf(fn), "constructor", {
        value: undefined,
        writable: false,
        configurable: false,
      });
    } catch {
      // ignore
    }
  }
}

scope.onmessage = (event: MessageEvent<SandboxRequest>) => {
  scope.onmessage = null;
  const { nonce, code, calls } = event.data;
  lockDown();
  let functions: ReturnType<typeof compileStudentCode>;
  try {
    functions = compileStudentCode(code, FunctionCtor);
  } catch (error) {
    reply({ type: "error", nonce, message: describeError(error) });
    return;
  }
  reply({ type: "outputs", nonce, outputs: runCalls(functions, calls) });
};

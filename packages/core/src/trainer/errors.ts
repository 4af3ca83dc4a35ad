import { CoreError, type CoreErrorCode } from "../errors";

const WIRE = /^\[([A-Z_]+)\] ([\s\S]*)$/;

/**
 * Comlink carries only an Error's name, message and stack across the worker boundary, so the code
 * travels inside the message: "[CODE] message". (Patching Comlink's global "throw" handler instead
 * silently fails whenever the worker and its caller load different copies of Comlink.)
 */
export function toWireError(error: unknown): unknown {
  if (error instanceof CoreError && !WIRE.test(error.message)) {
    return new CoreError(error.code, `[${error.code}] ${error.message}`);
  }
  return error;
}

/** Turns an error that crossed the worker boundary back into the {@link CoreError} it was. */
export function reviveCoreError(error: unknown): unknown {
  if (error instanceof Error && error.name === "CoreError") {
    const match = WIRE.exec(error.message);
    if (match !== null) return new CoreError(match[1] as CoreErrorCode, match[2] as string);
  }
  return error;
}

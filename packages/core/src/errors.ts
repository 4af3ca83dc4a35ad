/** Every reason `@margin/core` refuses an input. Stable strings: callers may switch on them. */
export type CoreErrorCode =
  | "EMPTY_DATA"
  | "LENGTH_MISMATCH"
  | "DIMENSION_MISMATCH"
  | "NON_FINITE"
  | "BAD_LABEL"
  | "BAD_LEARNING_RATE"
  | "BAD_ITERATIONS"
  | "BAD_OPTION";

/**
 * The one error type thrown by `@margin/core` for bad input.
 * `code` is machine-readable; `message` names the offending value and where it was found.
 */
export class CoreError extends Error {
  readonly code: CoreErrorCode;

  constructor(code: CoreErrorCode, message: string) {
    super(message);
    this.name = "CoreError";
    this.code = code;
  }
}

/** True when `error` is a {@link CoreError}, optionally with the given code. */
export function isCoreError(error: unknown, code?: CoreErrorCode): error is CoreError {
  return error instanceof CoreError && (code === undefined || error.code === code);
}

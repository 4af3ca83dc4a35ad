export type DbErrorCode = "NOT_FOUND" | "CONFLICT" | "INVALID" | "FORBIDDEN" | "ILLEGAL_TRANSITION";

/** The one error type domain functions throw for bad input; the data is left unchanged when it is thrown. */
export class DbError extends Error {
  override readonly name = "DbError";
  constructor(
    readonly code: DbErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isDbError(error: unknown, code?: DbErrorCode): error is DbError {
  return error instanceof DbError && (code === undefined || error.code === code);
}

/** Prisma's known-request error code (P2002 unique violation, P2003 foreign key, P2025 not found…), if any. */
export function prismaCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === "string" && /^P\d{4}$/.test(code)) return code;
  }
  return undefined;
}

/**
 * Re-runs `fn` when a concurrent writer won a race the database detected: a unique violation from a
 * check-then-insert (P2002) or a write conflict / deadlock (P2034, or 40P01 from raw SQL). The loser's
 * transaction was rolled
 * back, so running it again is safe.
 */
export async function retryOnRace<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const code = prismaCode(error);
      // Raw statements report a PostgreSQL deadlock (40P01) as P2010 rather than P2034.
      // It may also surface as the driver adapter's own error, with no Prisma code at all.
      const deadlock = /40P01|deadlock detected/.test(
        `${(error as Error)?.message} ${(error as Error)?.name}`,
      );
      // P2028: no connection for the transaction in time (a burst of concurrent writers); nothing ran.
      const retryable = code === "P2002" || code === "P2034" || code === "P2028" || deadlock;
      if (attempt >= attempts || !retryable) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 20 + Math.random() * 30));
    }
  }
}

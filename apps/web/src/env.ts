import "server-only";
import { z } from "zod";

const secret = (name: string) =>
  z
    .string({ error: `${name} is required (the start script generates one for local runs)` })
    .min(32, `${name} must be at least 32 characters`);

const EnvSchema = z.object({
  /** SQLite `file:` URL (the default, set by the start script) or a postgres:// URL. */
  DATABASE_URL: z.string().min(1, "DATABASE_URL must not be empty").optional(),
  /** Shared with the realtime service, which verifies the tokens this app signs. */
  REALTIME_SECRET: secret("REALTIME_SECRET"),
  /** Signs session cookies; never shared with another service. */
  SESSION_SECRET: secret("SESSION_SECRET"),
  /** Where browsers reach the realtime service. */
  REALTIME_PUBLIC_URL: z.url("REALTIME_PUBLIC_URL must be a URL").default("http://localhost:4000"),
  /** Counts rate limits in Redis, shared by every web process; unset counts in this process's memory. */
  REDIS_URL: z.url("REDIS_URL must be a redis:// URL").optional(),
  /** Namespace of the rate-limit keys in Redis (two deployments sharing one Redis need different ones). */
  RATE_LIMIT_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, "RATE_LIMIT_PREFIX must be 1-64 letters, digits, or _ : . -")
    .default("margin:limits"),
  /** Marks cookies Secure; on by default in production builds served over HTTPS. */
  COOKIE_SECURE: z
    .enum(["true", "false"], { error: "COOKIE_SECURE must be true or false" })
    .default("false")
    .transform((value) => value === "true"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/**
 * The validated environment, read on first use rather than at import so `next build` doesn't need
 * runtime secrets. A bad value throws with the variable's name.
 */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment for the web app: ${problems.join("; ")}`);
  }
  cached = parsed.data;
  return cached;
}

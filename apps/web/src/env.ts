import "server-only";
import { z } from "zod";

const secret = (name: string) =>
  z
    .string({ error: `${name} is required (the start script generates one for local runs)` })
    .min(32, `${name} must be at least 32 characters`);

const EnvSchema = z.object({
  /** Set by Next: "development" under `next dev` (React then needs eval, see the CSP). */
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** SQLite `file:` URL (the default, set by the start script) or a postgres:// URL. */
  DATABASE_URL: z.string().min(1, "DATABASE_URL must not be empty").optional(),
  /** Shared with the realtime service, which verifies the tokens this app signs. */
  REALTIME_SECRET: secret("REALTIME_SECRET"),
  /** Where browsers reach the realtime service (the page's CSP allows connections there). */
  REALTIME_PUBLIC_URL: z.url("REALTIME_PUBLIC_URL must be a URL").default("http://localhost:4000"),
  /**
   * The origins this app is served at, comma-separated (the realtime service reads the same list for
   * CORS). Mutations are accepted from these and from the request's own host; list the public origin
   * here when a proxy in front rewrites the Host header.
   */
  WEB_ORIGIN: z
    .string()
    .default("")
    .transform((list, ctx) => {
      const origins: string[] = [];
      for (const item of list
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean)) {
        const parsed = z.url().safeParse(item);
        if (!parsed.success) {
          ctx.addIssue({ code: "custom", message: `WEB_ORIGIN: "${item}" is not a URL` });
          return z.NEVER;
        }
        origins.push(new URL(parsed.data).origin);
      }
      return origins;
    }),
  /**
   * Session cookies are Secure (and named with the `__Host-` prefix) whenever the request arrived over
   * HTTPS, as the app's own server reports it ("auto", the default). "true" makes them Secure always:
   * for a TLS-terminating proxy the app's server doesn't know about.
   */
  COOKIE_SECURE: z.enum(["auto", "true"], { error: "COOKIE_SECURE must be auto or true" }).default("auto"),
  /** Counts rate limits in Redis, shared by every web process; unset counts in this process's memory. */
  REDIS_URL: z.url("REDIS_URL must be a redis:// URL").optional(),
  /** Namespace of the rate-limit keys in Redis (two deployments sharing one Redis need different ones). */
  RATE_LIMIT_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, "RATE_LIMIT_PREFIX must be 1-64 letters, digits, or _ : . -")
    .default("margin:limits"),
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

import proxyAddr from "proxy-addr";
import { z } from "zod";

/**
 * TRUSTED_PROXIES in proxy-addr's syntax: comma-separated IP addresses, CIDR ranges and the names
 * `loopback`, `linklocal`, `uniquelocal`. Unset or empty trusts no proxy: X-Forwarded-* are ignored.
 */
const TrustedProxiesSchema = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .superRefine((entries, context) => {
    for (const entry of entries) {
      try {
        proxyAddr.compile(entry);
      } catch {
        context.addIssue({
          code: "custom",
          message: `"${entry}" is not an IP address, a CIDR range, loopback, linklocal or uniquelocal`,
        });
      }
    }
  });

const ServerEnvSchema = z.object({
  WEB_PORT: z.coerce
    .number({ error: "WEB_PORT must be a port number" })
    .int("WEB_PORT must be a port number")
    .min(1, "WEB_PORT must be a port number")
    .max(65_535, "WEB_PORT must be a port number")
    .default(3000),
  TRUSTED_PROXIES: TrustedProxiesSchema,
});

export type ServerEnv = z.infer<typeof ServerEnvSchema>;

/** The custom server's environment; a bad value throws with the variable's name. */
export function readServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = ServerEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment for the web server: ${problems.join("; ")}`);
  }
  return parsed.data;
}

/** Next and React choose their builds by NODE_ENV when first loaded, so it is set before importing them. */
export function setNodeEnv(dev: boolean): void {
  Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
}

import { defaultDatabaseUrl } from "@margin/db";
import { z } from "zod";

const EnvSchema = z.object({
  REALTIME_PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  REALTIME_HOST: z.string().min(1).default("0.0.0.0"),
  REALTIME_SECRET: z
    .string({ error: "REALTIME_SECRET is required: the same secret the web app signs tokens with" })
    .min(32, "REALTIME_SECRET must be at least 32 characters"),
  /** Comma-separated origins of the web app allowed to open sockets (never "*"). */
  WEB_ORIGIN: z
    .string()
    .default("http://localhost:3000")
    .transform((value) => value.split(",").map((origin) => origin.trim()))
    .pipe(z.array(z.url("WEB_ORIGIN must be a comma-separated list of URLs")).min(1)),
  REDIS_URL: z.url("REDIS_URL must be a redis:// URL").optional(),
  /** The web app's database (challenges, participants, scores): a file: or postgres:// URL. */
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must be a file: or postgres:// URL")
    .default(() => defaultDatabaseUrl()),
});

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment once; a bad one stops the process with the offending variable named. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment for the realtime service:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

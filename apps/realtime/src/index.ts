import type { AddressInfo } from "node:net";
import { createDb, migrateDatabase, providerOf } from "@margin/db";
import { createRealtimeServer } from "./app";
import { readEnv } from "./env";
import { createHttpServer } from "./http";
import { jsonLogger } from "./logger";

const env = readEnv();
const logger = jsonLogger();
let ready = false;

await migrateDatabase(env.DATABASE_URL);
const db = createDb(env.DATABASE_URL);
const httpServer = createHttpServer(() => ready);
const realtime = await createRealtimeServer(httpServer, {
  secret: env.REALTIME_SECRET,
  corsOrigins: env.WEB_ORIGIN,
  redisUrl: env.REDIS_URL,
  db,
  databaseUrl: env.DATABASE_URL,
  logger,
});

httpServer.listen(env.REALTIME_PORT, env.REALTIME_HOST, () => {
  ready = true;
  logger.info("listening", {
    port: (httpServer.address() as AddressInfo).port,
    host: env.REALTIME_HOST,
    redis: Boolean(env.REDIS_URL),
    database: providerOf(env.DATABASE_URL),
    pid: process.pid,
  });
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  ready = false;
  logger.info("shutdown", { signal });
  const stats = await realtime.close();
  await db.$disconnect();
  logger.info("shutdown.complete", { signal, pendingWrites: stats?.pending ?? 0 });
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));

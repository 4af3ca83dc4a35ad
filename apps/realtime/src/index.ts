import { createServer } from "node:http";
import { createRealtimeServer } from "./app";
import { readEnv } from "./env";
import { jsonLogger } from "./logger";

const env = readEnv();
const logger = jsonLogger();
let ready = false;

const httpServer = createServer((request, response) => {
  // Socket.IO answers its own path; these two are for load balancers and orchestrators.
  if (request.url === "/health") {
    response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
  } else if (request.url === "/ready") {
    response
      .writeHead(ready ? 200 : 503, { "content-type": "application/json" })
      .end(JSON.stringify({ ready }));
  } else {
    response.writeHead(404).end();
  }
});

const realtime = await createRealtimeServer(httpServer, {
  secret: env.REALTIME_SECRET,
  corsOrigins: env.WEB_ORIGIN,
  redisUrl: env.REDIS_URL,
  logger,
});

httpServer.listen(env.REALTIME_PORT, env.REALTIME_HOST, () => {
  ready = true;
  logger.info("listening", {
    port: env.REALTIME_PORT,
    host: env.REALTIME_HOST,
    redis: Boolean(env.REDIS_URL),
  });
});

async function shutdown(signal: string): Promise<void> {
  ready = false;
  logger.info("shutdown", { signal });
  await realtime.close();
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));

/**
 * The web app's HTTP server: Next.js behind a plain Node server (Next's documented custom server), so the
 * app learns the client's address and protocol from the connection itself (see client-identity.ts)
 * instead of trusting X-Forwarded-For. Run by scripts/start.mjs; `--dev` for watch mode.
 */
import { createServer } from "node:http";
import { join } from "node:path";
import { compileTrustedProxies, stampClientHeaders } from "./client-identity";
import { readServerEnv, setNodeEnv } from "./env";

const dev = process.argv.includes("--dev");
const env = readServerEnv();
setNodeEnv(dev);
const trust = compileTrustedProxies(env.TRUSTED_PROXIES);

const { default: next } = await import("next");
const httpServer = createServer();
const app = next({
  dev,
  dir: join(import.meta.dirname, ".."),
  hostname: "localhost",
  port: env.WEB_PORT,
  httpServer,
});
const handle = app.getRequestHandler();
await app.prepare();

httpServer.on("request", (request, response) => {
  stampClientHeaders(request, trust);
  handle(request, response).catch((error: unknown) => {
    console.error("web: request failed", error);
    if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
    response.end("Internal Server Error");
  });
});
httpServer.listen(env.WEB_PORT, () => {
  const proxies = env.TRUSTED_PROXIES.length > 0 ? env.TRUSTED_PROXIES.join(", ") : "none";
  console.log(
    `web: listening on :${env.WEB_PORT} (${dev ? "dev" : "production"}; trusted proxies: ${proxies})`,
  );
});

function shutdown() {
  httpServer.close();
  void app.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

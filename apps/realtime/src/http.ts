import { createServer, type Server } from "node:http";

/**
 * The HTTP server Socket.IO attaches to. It answers two paths itself: `/health` (the process is up) and
 * `/ready` (it is listening and not shutting down: 503 otherwise), for load balancers and orchestrators.
 */
export function createHttpServer(isReady: () => boolean): Server {
  return createServer((request, response) => {
    if (request.url === "/health") {
      response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    } else if (request.url === "/ready") {
      const ready = isReady();
      response
        .writeHead(ready ? 200 : 503, { "content-type": "application/json" })
        .end(JSON.stringify({ ready }));
    } else {
      response.writeHead(404).end();
    }
  });
}

// The simulated class for load.bench.ts, run as its own process so the students' CPU isn't the server's.
// Reads BENCH_URL, BENCH_TOKENS (a JSON file of student tokens), BENCH_EPOCH, BENCH_SECONDS, BENCH_RATE.
// Each student sends BENCH_RATE updates/s with `iteration` = ms since BENCH_EPOCH (same machine, same
// clock as the teacher in the parent process), then this prints one JSON summary line and exits.
import { readFileSync } from "node:fs";
import type { ClientToServerEvents, ServerToClientEvents } from "@margin/core/protocol";
import { io, type Socket } from "socket.io-client";

const url = process.env.BENCH_URL ?? "";
const tokens = JSON.parse(readFileSync(process.env.BENCH_TOKENS ?? "", "utf8")) as string[];
const epoch = Number(process.env.BENCH_EPOCH);
const seconds = Math.min(Number(process.env.BENCH_SECONDS ?? 20), 120);
const rate = Math.min(Number(process.env.BENCH_RATE ?? 5), 20);
if (!url.startsWith("http://127.0.0.1:")) throw new Error("the benchmark only talks to loopback");

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const say = (event: string, fields: object = {}) =>
  process.stdout.write(`${JSON.stringify({ event, ...fields })}\n`);

function connect(token: string): Promise<Client> {
  const socket: Client = io(url, {
    auth: { token },
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

const sockets: Client[] = [];
for (let start = 0; start < tokens.length; start += 50) {
  sockets.push(...(await Promise.all(tokens.slice(start, start + 50).map(connect))));
}
say("connected", { students: sockets.length });

const counts = { sent: 0, ok: 0, rateLimited: 0, notLive: 0, other: 0 };
const ackMs: number[] = [];
let measuring = true;
const period = 1000 / rate;
const timers = sockets.map((socket, index) => {
  const w0 = 0.4 + 0.2 * Math.random();
  const w1 = 0.4 + 0.2 * Math.random();
  const send = () => {
    if (!measuring) return;
    const sentAt = Date.now();
    counts.sent += 1;
    socket.emit(
      "boundary:update",
      { w: [w0, w1], b: -9 + Math.random(), iteration: sentAt - epoch },
      (result) => {
        if (!measuring) return;
        ackMs.push(Date.now() - sentAt);
        if (result.ok) counts.ok += 1;
        else if (result.error.code === "RATE_LIMITED") counts.rateLimited += 1;
        else if (result.error.code === "NOT_LIVE") counts.notLive += 1;
        else counts.other += 1;
      },
    );
  };
  // Spread the students over the period so the load is steady, not 1 000 emits at once.
  return setTimeout(
    () => {
      send();
      timers[index] = setInterval(send, period);
    },
    (index / sockets.length) * period,
  );
});
const startedAt = Date.now();
say("sending", { at: startedAt });

setTimeout(() => {
  measuring = false;
  const elapsed = (Date.now() - startedAt) / 1000;
  for (const timer of timers) clearInterval(timer);
  ackMs.sort((a, b) => a - b);
  const pct = (q: number) => ackMs[Math.min(ackMs.length - 1, Math.floor(q * ackMs.length))] ?? null;
  say("summary", { elapsed, ...counts, ackP50: pct(0.5), ackP99: pct(0.99) });
  for (const socket of sockets) socket.close();
  setTimeout(() => process.exit(0), 200);
}, seconds * 1000);

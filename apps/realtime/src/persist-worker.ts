// The write-behind sink in its own thread: Prisma's JavaScript query engine costs about 1 ms of CPU per
// query and local SQLite commits block their thread, so model writes must not run on the event loop
// that relays boundaries. Started by workerSink; one database connection of its own.
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { createDb } from "@margin/db";
import { jsonLogger } from "./logger";
import { databaseSink, type WriteItem } from "./persistence";

const { databaseUrl } = workerData as { databaseUrl: string };
try {
  // On Linux niceness is per thread: when CPU is short, relaying live boundaries wins over persisting them.
  setPriority(10);
} catch {
  // not permitted here: run at normal priority
}
const db = createDb(databaseUrl);
const sink = databaseSink(db, jsonLogger());

parentPort?.on("message", async (message: { id: number; items: WriteItem[] } | { close: true }) => {
  if ("close" in message) {
    await db.$disconnect();
    parentPort?.postMessage({ closed: true });
    return;
  }
  const results = await sink(message.items);
  parentPort?.postMessage({ id: message.id, results });
});

// Entry of the persistence worker thread: worker threads don't inherit tsx's loader, so register it here
// (the service runs its TypeScript source with tsx; see persist-worker.ts).
import { register } from "tsx/esm/api";

register();
await import("./persist-worker.ts");

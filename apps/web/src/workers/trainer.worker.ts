import { trainerApi } from "@margin/core/trainer";
import { type Endpoint, expose } from "comlink";

// The worker is only an adapter: all the math lives in @margin/core. The app's tsconfig types `self`
// as a Window (DOM lib); in this file it is the worker's global scope.
expose(trainerApi, self as unknown as Endpoint);

// The web app's worker, verbatim, so tests run the real Comlink round trip.
import { expose } from "comlink";
import { trainerApi } from "./index";

expose(trainerApi, self);

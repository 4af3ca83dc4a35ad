import { createCallerFactory, createTRPCRouter } from "./init";
import { classroomRouter } from "./routers/classroom";
import { realtimeRouter } from "./routers/realtime";
import { resultsRouter } from "./routers/results";

export const appRouter = createTRPCRouter({
  classroom: classroomRouter,
  results: resultsRouter,
  realtime: realtimeRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

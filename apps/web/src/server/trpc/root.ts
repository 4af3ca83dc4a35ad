import { createCallerFactory, createTRPCRouter } from "./init";
import { accountRouter } from "./routers/account";
import { authRouter } from "./routers/auth";
import { challengeRouter } from "./routers/challenge";
import { classroomRouter } from "./routers/classroom";
import { invitesRouter } from "./routers/invites";
import { labRouter } from "./routers/lab";
import { passwordResetRouter } from "./routers/password-reset";
import { progressRouter } from "./routers/progress";
import { quizRouter } from "./routers/quiz";
import { realtimeRouter } from "./routers/realtime";
import { resultsRouter } from "./routers/results";
import { rosterRouter } from "./routers/roster";
import { schoolRouter } from "./routers/school";
import { studentRouter } from "./routers/student";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  student: studentRouter,
  classroom: classroomRouter,
  results: resultsRouter,
  realtime: realtimeRouter,
  quiz: quizRouter,
  challenge: challengeRouter,
  progress: progressRouter,
  lab: labRouter,
  roster: rosterRouter,
  school: schoolRouter,
  invites: invitesRouter,
  account: accountRouter,
  passwordReset: passwordResetRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);

import {
  archiveClassroom,
  hashSecret,
  listClassroomPinResets,
  listRoster,
  questionInsights,
  removeStudent,
  renameClassroom,
  resetStudentPin,
  studentTimeline,
} from "@margin/db";
import { z } from "zod";
import { generatePin } from "../../auth/pin";
import { challengeHistory } from "../../challenges/boards";
import { ensureLesson } from "../../lessons";
import { createTRPCRouter, staffProcedure } from "../init";
import { JoinCodeSchema, managedClassroom } from "./classroom";

const StudentInput = z.object({ code: JoinCodeSchema, studentId: z.string().min(1).max(64) });

export const rosterRouter = createTRPCRouter({
  list: staffProcedure.input(z.object({ code: JoinCodeSchema })).query(async ({ ctx, input }) => {
    const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
    return {
      classroom: { name: classroom.name, joinCode: classroom.joinCode },
      students: await listRoster(ctx.db, { actorId: ctx.session.uid, classroomId: classroom.id }),
    };
  }),

  /** Archive-style: the student loses access; their answers and challenge entries stay in the history. */
  remove: staffProcedure.input(StudentInput).mutation(async ({ ctx, input }) => {
    const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
    await removeStudent(ctx.db, {
      actorId: ctx.session.uid,
      classroomId: classroom.id,
      studentId: input.studentId,
    });
    return { ok: true };
  }),

  /** PIN resets in this class, newest first: who reset whose PIN, when (from the audit log). */
  pinResets: staffProcedure.input(z.object({ code: JoinCodeSchema })).query(async ({ ctx, input }) => {
    const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
    const entries = await listClassroomPinResets(ctx.db, {
      actorId: ctx.session.uid,
      classroomId: classroom.id,
    });
    return entries.map(({ id, createdAt, actor, target, detail }) => ({
      id,
      createdAt,
      by: actor?.name ?? null,
      nickname: typeof detail.nickname === "string" ? detail.nickname : (target?.name ?? null),
    }));
  }),

  /** A new 4-digit PIN, returned once (only its hash is stored). The student's open sessions end. */
  resetPin: staffProcedure.input(StudentInput).mutation(async ({ ctx, input }) => {
    const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
    const pin = generatePin();
    await resetStudentPin(ctx.db, {
      actorId: ctx.session.uid,
      classroomId: classroom.id,
      studentId: input.studentId,
      pinHash: await hashSecret(pin),
    });
    return { pin };
  }),

  rename: staffProcedure
    .input(
      z.object({ code: JoinCodeSchema, name: z.string().trim().min(1, "Give the class a name").max(80) }),
    )
    .mutation(async ({ ctx, input }) => {
      const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
      const renamed = await renameClassroom(ctx.db, {
        actorId: ctx.session.uid,
        classroomId: classroom.id,
        name: input.name,
      });
      return { name: renamed.name };
    }),

  archive: staffProcedure.input(z.object({ code: JoinCodeSchema })).mutation(async ({ ctx, input }) => {
    const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
    await archiveClassroom(ctx.db, { classroomId: classroom.id, actorId: ctx.session.uid });
    return { ok: true };
  }),

  timeline: staffProcedure.input(StudentInput).query(async ({ ctx, input }) => {
    const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
    return studentTimeline(ctx.db, {
      actorId: ctx.session.uid,
      classroomId: classroom.id,
      studentId: input.studentId,
    });
  }),

  insights: staffProcedure
    .input(z.object({ code: JoinCodeSchema, lessonSlug: z.string().trim().min(1).max(64) }))
    .query(async ({ ctx, input }) => {
      const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
      await ensureLesson(ctx.db, input.lessonSlug);
      return questionInsights(ctx.db, {
        actorId: ctx.session.uid,
        classroomId: classroom.id,
        lessonSlug: input.lessonSlug,
      });
    }),

  /** Every past challenge of the class with its final board (the same ranking as the reveal). */
  history: staffProcedure.input(z.object({ code: JoinCodeSchema })).query(async ({ ctx, input }) => {
    const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
    return (await challengeHistory(ctx.db, classroom.id)).map((challenge) => ({
      id: challenge.id,
      title: challenge.title,
      endedAt: challenge.endedAt,
      bestPossible: challenge.bestPossible,
      leaderboard: challenge.standings.map((standing) => ({
        rank: standing.rank,
        nickname: standing.nickname,
        privateLogLoss: standing.privateLogLoss,
        usedPicks: standing.usedPicks,
        bestPublicLogLoss: standing.bestPublicLogLoss,
      })),
    }));
  }),
});

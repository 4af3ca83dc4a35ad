import { CHALLENGE_DATASET_KINDS, CHALLENGE_KNOBS, type Dataset, scoreSubmission } from "@margin/core";
import { signRealtimeToken } from "@margin/core/protocol";
import {
  assertCanManageClassroom,
  CHALLENGE_CONTROLS,
  CHALLENGE_STATUSES,
  type Challenge,
  challengeAliases,
  challengeRemainingMs,
  createChallenge,
  type Db,
  extendChallenge,
  getChallenge,
  getClassroom,
  getUser,
  listChallengeSnapshots,
  listChallenges,
  listPicks,
  pickModel,
  transitionChallenge,
  unpickModel,
} from "@margin/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { env } from "~/env";
import type { Session } from "../../auth/session";
import { challengeBoard } from "../../challenges/boards";
import { challengeData } from "../../challenges/data";
import { createTRPCRouter, publicProcedure, staffProcedure, studentProcedure } from "../init";
import { JoinCodeSchema, managedClassroom } from "./classroom";

const IdInput = z.string().min(1).max(64);
const bounded = z.number().finite().min(-1e6).max(1e6);
/** A projector that hides names asks for aliases; nicknames and student ids then never leave the server. */
const HideNamesInput = z.boolean().default(false);
const TOKEN_TTL_SECONDS = 10 * 60;

/** A data-set knob's input: core's range, its default when left out, and a message a teacher can act on. */
function knob(name: keyof typeof CHALLENGE_KNOBS, what: string) {
  const { min, max, default: fallback } = CHALLENGE_KNOBS[name];
  const message = `${what} must be between ${Math.round(min * 100)}% and ${Math.round(max * 100)}%`;
  return z.number().finite().min(min, message).max(max, message).default(fallback);
}

/**
 * The caller's relation to a challenge: its class's teacher/admin, or a student of that class.
 * Anyone else gets NOT_FOUND, so challenge ids can't be probed.
 */
async function challengeFor(
  db: Db,
  session: Session | null,
  challengeId: string,
): Promise<{ challenge: Challenge; role: "staff" | "student" }> {
  const notFound = new TRPCError({ code: "NOT_FOUND", message: "No such challenge in your classes" });
  // A session in the context is live: its lookup checked the account and, for a student, the enrollment.
  if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in or join your class first" });
  const challenge = await getChallenge(db, challengeId);
  if (!challenge) throw notFound;
  if (session.role === "student") {
    if (session.cid !== challenge.classroomId) throw notFound;
    return { challenge, role: "student" };
  }
  const classroom = await getClassroom(db, challenge.classroomId);
  if (!classroom) throw notFound;
  await assertCanManageClassroom(db, session.uid, classroom).catch(() => {
    throw notFound;
  });
  return { challenge, role: "staff" };
}

function plainData(data: Dataset) {
  return { x: Array.from(data.x), y: Array.from(data.y), d: data.d, featureNames: [...data.featureNames] };
}

/** What any member may know about a challenge. The seed and split sizes stay on the server: with them a
 * student could regenerate the held-out points. */
function publicState(challenge: Challenge) {
  return {
    id: challenge.id,
    title: challenge.title,
    status: challenge.status,
    controls: challenge.controls,
    kind: challenge.dataset.kind,
    // How the data was made harder: shown to everyone, since without the seed it can't rebuild anything.
    knobs: {
      noise: challenge.dataset.noise,
      classBalance: challenge.dataset.classBalance,
      labelFlips: challenge.dataset.labelFlips,
      outliers: challenge.dataset.outliers,
    },
    durationSeconds: challenge.durationSeconds,
    remainingMs: challengeRemainingMs(challenge),
    /** When a live challenge ends by itself (the server's clock), else null. */
    deadlineAt: challenge.deadlineAt,
    startedAt: challenge.startedAt,
    endedAt: challenge.endedAt,
  };
}

export const challengeRouter = createTRPCRouter({
  create: staffProcedure
    .input(
      z.object({
        code: JoinCodeSchema,
        title: z.string().trim().min(1, "Give the challenge a title").max(120),
        kind: z.enum(CHALLENGE_DATASET_KINDS),
        noise: z.number().finite().min(0).max(1),
        classBalance: knob("classBalance", "The share of dogs"),
        labelFlips: knob("labelFlips", "The share of flipped labels"),
        outliers: knob("outliers", "The share of outliers"),
        seed: z.number().int().min(0).max(2_147_483_647),
        trainSize: z.number().int().min(10).max(2_000),
        testSize: z.number().int().min(10).max(5_000),
        durationMinutes: z.number().int().min(1).max(120),
        controls: z.array(z.enum(CHALLENGE_CONTROLS)).max(CHALLENGE_CONTROLS.length),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
      // Held-out points split evenly between the public (live) and private (final) boards, Kaggle-style.
      const publicTestSize = Math.ceil(input.testSize / 2);
      const challenge = await createChallenge(ctx.db, {
        actorId: ctx.session.uid,
        classroomId: classroom.id,
        title: input.title,
        dataset: {
          kind: input.kind,
          seed: input.seed,
          trainSize: input.trainSize,
          publicTestSize,
          privateTestSize: input.testSize - publicTestSize,
          noise: input.noise,
          classBalance: input.classBalance,
          labelFlips: input.labelFlips,
          outliers: input.outliers,
        },
        controls: [...new Set(input.controls)],
        durationSeconds: input.durationMinutes * 60,
      });
      return publicState(challenge);
    }),

  list: staffProcedure.input(z.object({ code: JoinCodeSchema })).query(async ({ ctx, input }) => {
    const classroom = await managedClassroom(ctx.db, ctx.session.uid, input.code);
    return (await listChallenges(ctx.db, classroom.id)).map(publicState).reverse();
  }),

  /** The class's current challenge (live or paused, else the newest draft), for students and teachers. */
  current: publicProcedure.input(z.object({ code: JoinCodeSchema })).query(async ({ ctx, input }) => {
    const { session } = ctx;
    if (!session) return null;
    const classroom = await getClassroom(ctx.db, session.cid ?? "");
    const own = classroom?.joinCode === input.code ? classroom : null;
    if (!own) return null;
    const challenges = await listChallenges(ctx.db, own.id);
    const active = challenges.filter(
      (challenge) => challenge.status === "live" || challenge.status === "paused",
    );
    const latest = active[active.length - 1];
    return latest ? publicState(latest) : null;
  }),

  state: publicProcedure.input(z.object({ challengeId: IdInput })).query(async ({ ctx, input }) => {
    const { challenge } = await challengeFor(ctx.db, ctx.session, input.challengeId);
    return publicState(challenge);
  }),

  /** The training split only: held-out points never leave the server. */
  trainingData: publicProcedure.input(z.object({ challengeId: IdInput })).query(async ({ ctx, input }) => {
    const { challenge } = await challengeFor(ctx.db, ctx.session, input.challengeId);
    return plainData((await challengeData(ctx.db, challenge)).train);
  }),

  transition: staffProcedure
    .input(z.object({ challengeId: IdInput, to: z.enum(CHALLENGE_STATUSES) }))
    .mutation(async ({ ctx, input }) => {
      await challengeFor(ctx.db, ctx.session, input.challengeId);
      const challenge = await transitionChallenge(ctx.db, {
        actorId: ctx.session.uid,
        challengeId: input.challengeId,
        to: input.to,
      });
      return publicState(challenge);
    }),

  extend: staffProcedure
    .input(z.object({ challengeId: IdInput, minutes: z.number().int().min(1).max(60) }))
    .mutation(async ({ ctx, input }) => {
      await challengeFor(ctx.db, ctx.session, input.challengeId);
      const challenge = await extendChallenge(ctx.db, {
        actorId: ctx.session.uid,
        challengeId: input.challengeId,
        seconds: input.minutes * 60,
      });
      return publicState(challenge);
    }),

  /** The race as it unfolded (public losses only), for the teacher's replay after the end. */
  replay: staffProcedure
    .input(z.object({ challengeId: IdInput, hideNames: HideNamesInput }))
    .query(async ({ ctx, input }) => {
      const { challenge } = await challengeFor(ctx.db, ctx.session, input.challengeId);
      const [snapshots, aliases] = await Promise.all([
        listChallengeSnapshots(ctx.db, challenge.id),
        input.hideNames ? challengeAliases(ctx.db, challenge.id) : null,
      ]);
      return snapshots.map((snapshot) => {
        const alias = aliases?.get(snapshot.studentId);
        return {
          participantId: aliases ? (alias?.key ?? "") : snapshot.participantId,
          nickname: aliases ? (alias?.name ?? "") : snapshot.nickname,
          w: snapshot.w,
          b: snapshot.b,
          publicLoss: snapshot.publicLogLoss,
          at: snapshot.takenAt.getTime(),
        };
      });
    }),

  /**
   * During the race: best public log loss per student, or their improvement on the base-rate model (one
   * starting line for all, fixed by the server). After the end: the final board (each student scored by
   * the better of their picks on the private split, or their best public model without picks; the one
   * ranking, see @margin/db finalStandings), with the movement from the public board, each student's gap
   * to the best possible model and that model's losses. `hideNames` swaps every name and id for an alias.
   */
  leaderboard: publicProcedure
    .input(
      z.object({
        challengeId: IdInput,
        mode: z.enum(["loss", "improvement"]).default("loss"),
        hideNames: HideNamesInput,
      }),
    )
    .query(async ({ ctx, input }) => {
      const { challenge } = await challengeFor(ctx.db, ctx.session, input.challengeId);
      return challengeBoard(ctx.db, challenge, { mode: input.mode, hideNames: input.hideNames });
    }),

  /** Picks the student's current model for the private board; both losses are computed here. */
  pick: studentProcedure
    .input(z.object({ challengeId: IdInput, w: z.tuple([bounded, bounded]), b: bounded }))
    .mutation(async ({ ctx, input }) => {
      const { challenge } = await challengeFor(ctx.db, ctx.session, input.challengeId);
      const { publicTest, privateTest } = await challengeData(ctx.db, challenge);
      const model = { w: input.w, b: input.b };
      const picked = await pickModel(ctx.db, {
        challengeId: challenge.id,
        studentId: ctx.session.uid,
        w: input.w,
        b: input.b,
        publicLogLoss: scoreSubmission(model, null, publicTest),
        privateLogLoss: scoreSubmission(model, null, privateTest),
      });
      return { id: picked.id, w: picked.w, b: picked.b, publicLoss: picked.publicLogLoss };
    }),

  unpick: studentProcedure
    .input(z.object({ challengeId: IdInput, pickId: IdInput }))
    .mutation(async ({ ctx, input }) => {
      await challengeFor(ctx.db, ctx.session, input.challengeId);
      await unpickModel(ctx.db, {
        challengeId: input.challengeId,
        studentId: ctx.session.uid,
        pickId: input.pickId,
      });
      return { ok: true };
    }),

  /** The student's own picks, with public losses only: the private split stays secret until the end. */
  myPicks: studentProcedure.input(z.object({ challengeId: IdInput })).query(async ({ ctx, input }) => {
    const { challenge } = await challengeFor(ctx.db, ctx.session, input.challengeId);
    const picks = await listPicks(ctx.db, { challengeId: challenge.id, studentId: ctx.session.uid }).catch(
      () => [],
    );
    return picks.map((pick) => ({ id: pick.id, w: pick.w, b: pick.b, publicLoss: pick.publicLogLoss }));
  }),

  realtimeToken: publicProcedure
    .input(z.object({ challengeId: IdInput }))
    .mutation(async ({ ctx, input }) => {
      const { challenge, role } = await challengeFor(ctx.db, ctx.session, input.challengeId);
      const { REALTIME_SECRET, REALTIME_PUBLIC_URL } = env();
      if (role === "staff") {
        const claims = {
          role: "teacher" as const,
          classroomId: challenge.classroomId,
          challengeId: challenge.id,
        };
        return {
          token: await signRealtimeToken(claims, REALTIME_SECRET, TOKEN_TTL_SECONDS),
          url: REALTIME_PUBLIC_URL,
        };
      }
      const student = await getUser(ctx.db, ctx.session?.uid ?? "");
      if (!student) throw new TRPCError({ code: "UNAUTHORIZED", message: "Join your class again" });
      const claims = {
        role: "student" as const,
        classroomId: challenge.classroomId,
        challengeId: challenge.id,
        studentId: student.id,
        nickname: student.displayName,
      };
      return {
        token: await signRealtimeToken(claims, REALTIME_SECRET, TOKEN_TTL_SECONDS),
        url: REALTIME_PUBLIC_URL,
      };
    }),
});

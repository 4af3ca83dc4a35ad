import { recordQuizAttempt } from "@margin/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { ensureLesson } from "../../lessons";
import { limits } from "../../limits";
import { findQuestion, questionsFor } from "../../quiz/bank";
import { answerToString, gradeAnswer, toPublicQuestion } from "../../quiz/grade";
import { AnswerSchema } from "../../quiz/types";
import { scoreModel } from "../../scoring";
import { createTRPCRouter, publicProcedure } from "../init";

const SlugSchema = z.string().trim().min(1).max(64);

export const quizRouter = createTRPCRouter({
  /** The questions for one objective, without answers. */
  questions: publicProcedure
    .input(z.object({ lessonSlug: SlugSchema, objectiveId: z.string().trim().min(1).max(64) }))
    .query(({ input }) =>
      questionsFor(input.lessonSlug)
        .filter((question) => question.objectiveId === input.objectiveId)
        .map(toPublicQuestion),
    ),

  /**
   * Grades on the server. Anyone can practise; a student's attempts are recorded against their class and
   * update their mastery.
   */
  submit: publicProcedure
    .input(
      z.object({
        lessonSlug: SlugSchema,
        questionId: z.string().trim().min(1).max(64),
        answer: AnswerSchema,
        durationMs: z.number().int().min(0).max(86_400_000).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const question = findQuestion(input.lessonSlug, input.questionId);
      if (!question)
        throw new TRPCError({ code: "NOT_FOUND", message: `No question ${input.questionId} in this lesson` });
      const { session } = ctx;
      const student =
        session?.role === "student" && session.cid ? { id: session.uid, cid: session.cid } : null;
      // Counted before grading: every answer is a guess until it is graded.
      await limits().quizSubmit(
        student
          ? { studentId: student.id, questionId: `${input.lessonSlug}/${question.id}` }
          : { address: ctx.clientAddress },
      );
      const grade = gradeAnswer(question, input.answer, (model) => scoreModel(model).accuracy);
      if (!student) return { ...grade, mastery: null };
      await ensureLesson(ctx.db, input.lessonSlug);
      const { mastery } = await recordQuizAttempt(ctx.db, {
        studentId: student.id,
        classroomId: student.cid,
        lessonSlug: input.lessonSlug,
        questionId: question.id,
        objectiveKey: question.objectiveId,
        answer: answerToString(input.answer),
        correct: grade.correct,
        score: grade.score,
        durationMs: input.durationMs,
      });
      return { ...grade, mastery };
    }),
});

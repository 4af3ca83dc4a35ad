import { z } from "zod";
import { limits } from "../../limits";
import { questionsFor } from "../../quiz/bank";
import { listQuestions, questionCatalogue, questionVersion, submitAnswer } from "../../quiz/service";
import { AnswerSchema, VariantSchema } from "../../quiz/types";
import type { Context } from "../init";
import { createTRPCRouter, publicProcedure } from "../init";

const SlugSchema = z.string().trim().min(1).max(64);
const QuestionIdSchema = z.string().trim().min(1).max(64);

/** Anyone can practise; a student's answers are recorded against their class and graded on their own numbers. */
const studentOf = ({ session }: Context) =>
  session?.role === "student" && session.cid ? { studentId: session.uid, classroomId: session.cid } : null;

export const quizRouter = createTRPCRouter({
  /** One quiz block's questions, without answers, each at the version the student is on. */
  questions: publicProcedure
    .input(z.object({ lessonSlug: SlugSchema, questionIds: z.array(QuestionIdSchema).min(1).max(20) }))
    .query(({ ctx, input }) => listQuestions(ctx.db, { ...input, student: studentOf(ctx) })),

  /** Another version of a question with the student's own numbers ("new numbers"). */
  question: publicProcedure
    .input(z.object({ lessonSlug: SlugSchema, questionId: QuestionIdSchema, variant: VariantSchema }))
    .query(({ ctx, input }) => questionVersion(ctx.db, { ...input, student: studentOf(ctx) })),

  /** Grades on the server, from the question's seed; a student's attempt is recorded and updates their mastery. */
  submit: publicProcedure
    .input(
      z.object({
        lessonSlug: SlugSchema,
        questionId: QuestionIdSchema,
        variant: VariantSchema.default(0),
        answer: AnswerSchema,
        durationMs: z.number().int().min(0).max(86_400_000).optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      const student = studentOf(ctx);
      return submitAnswer(ctx.db, { ...input, student }, (questionId) =>
        limits().quizSubmit(
          student
            ? { studentId: student.studentId, questionId: `${input.lessonSlug}/${questionId}` }
            : { address: ctx.clientAddress },
        ),
      );
    }),

  /** Question ids, objectives and titles (no answers), for the teacher's record of attempts. */
  catalogue: publicProcedure
    .input(z.object({ lessonSlug: SlugSchema }))
    .query(({ input }) => questionCatalogue(questionsFor(input.lessonSlug))),
});

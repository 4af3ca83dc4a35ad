-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "firstTry" BOOLEAN,
ADD COLUMN     "ownNumbers" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "variant" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_studentId_lessonId_questionId_variant_firstTry_key" ON "QuizAttempt"("studentId", "lessonId", "questionId", "variant", "firstTry");

-- Backfill: before this migration every question was the same for everyone (variant 0), so each
-- student's earliest answer to a question was their first try.
UPDATE "QuizAttempt" SET "firstTry" = true
WHERE NOT EXISTS (
    SELECT 1 FROM "QuizAttempt" AS "earlier"
    WHERE "earlier"."studentId" = "QuizAttempt"."studentId"
      AND "earlier"."lessonId" = "QuizAttempt"."lessonId"
      AND "earlier"."questionId" = "QuizAttempt"."questionId"
      AND ("earlier"."createdAt" < "QuizAttempt"."createdAt"
        OR ("earlier"."createdAt" = "QuizAttempt"."createdAt" AND "earlier"."id" < "QuizAttempt"."id"))
);

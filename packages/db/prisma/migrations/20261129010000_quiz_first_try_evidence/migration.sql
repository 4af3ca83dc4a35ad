-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "studentId" TEXT NOT NULL,
    "classroomId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "objectiveKey" TEXT NOT NULL,
    "variant" INTEGER NOT NULL DEFAULT 0,
    "ownNumbers" BOOLEAN NOT NULL DEFAULT false,
    "firstTry" BOOLEAN,
    "answer" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "score" REAL NOT NULL,
    "durationMs" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuizAttempt_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizAttempt_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QuizAttempt_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_QuizAttempt" ("answer", "classroomId", "correct", "createdAt", "durationMs", "id", "lessonId", "objectiveKey", "questionId", "score", "studentId") SELECT "answer", "classroomId", "correct", "createdAt", "durationMs", "id", "lessonId", "objectiveKey", "questionId", "score", "studentId" FROM "QuizAttempt";
DROP TABLE "QuizAttempt";
ALTER TABLE "new_QuizAttempt" RENAME TO "QuizAttempt";
CREATE INDEX "QuizAttempt_studentId_lessonId_objectiveKey_createdAt_idx" ON "QuizAttempt"("studentId", "lessonId", "objectiveKey", "createdAt");
CREATE INDEX "QuizAttempt_classroomId_lessonId_questionId_correct_idx" ON "QuizAttempt"("classroomId", "lessonId", "questionId", "correct");
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
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

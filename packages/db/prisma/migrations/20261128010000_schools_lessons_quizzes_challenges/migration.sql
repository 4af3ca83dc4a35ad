-- CreateTable
CREATE TABLE "School" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" DATETIME
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "role" TEXT NOT NULL,
    "schoolId" TEXT,
    "email" TEXT,
    "passwordHash" TEXT,
    "pinHash" TEXT,
    "displayName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" DATETIME,
    CONSTRAINT "User_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Enrollment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classroomId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "nickname" TEXT NOT NULL,
    "nicknameKey" TEXT NOT NULL,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Enrollment_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Enrollment_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Lesson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "phase" INTEGER NOT NULL,
    "session" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "sections" JSONB NOT NULL,
    "objectives" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "LessonProgress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "studentId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "viewedAt" DATETIME,
    "completedAt" DATETIME,
    "masteredAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LessonProgress_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LessonProgress_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "studentId" TEXT NOT NULL,
    "classroomId" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "objectiveKey" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "score" REAL NOT NULL,
    "durationMs" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuizAttempt_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "QuizAttempt_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "QuizAttempt_lessonId_fkey" FOREIGN KEY ("lessonId") REFERENCES "Lesson" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Challenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "classroomId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "datasetKind" TEXT NOT NULL,
    "datasetSeed" INTEGER NOT NULL,
    "trainSize" INTEGER NOT NULL,
    "publicTestSize" INTEGER NOT NULL,
    "privateTestSize" INTEGER NOT NULL,
    "noise" REAL NOT NULL,
    "controls" JSONB NOT NULL,
    "durationSeconds" INTEGER NOT NULL,
    "liveMsBeforePause" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "lastResumedAt" DATETIME,
    "pausedAt" DATETIME,
    "endedAt" DATETIME,
    CONSTRAINT "Challenge_classroomId_fkey" FOREIGN KEY ("classroomId") REFERENCES "Classroom" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChallengeParticipant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "challengeId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "nickname" TEXT NOT NULL,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updateCount" INTEGER NOT NULL DEFAULT 0,
    "bestW" JSONB,
    "bestB" REAL,
    "bestStandardisation" JSONB,
    "bestPublicLogLoss" REAL,
    "bestPrivateLogLoss" REAL,
    "bestAt" DATETIME,
    "finalW" JSONB,
    "finalB" REAL,
    "finalStandardisation" JSONB,
    "finalPublicLogLoss" REAL,
    "finalPrivateLogLoss" REAL,
    "finalAt" DATETIME,
    CONSTRAINT "ChallengeParticipant_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ChallengeParticipant_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChallengeSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "challengeId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "takenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "w" JSONB NOT NULL,
    "b" REAL NOT NULL,
    "publicLogLoss" REAL NOT NULL,
    "iteration" INTEGER,
    CONSTRAINT "ChallengeSnapshot_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ChallengeSnapshot_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "ChallengeParticipant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Classroom" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "joinCode" TEXT NOT NULL,
    "schoolId" TEXT,
    "teacherId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" DATETIME,
    CONSTRAINT "Classroom_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Classroom_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Classroom" ("createdAt", "id", "joinCode", "name") SELECT "createdAt", "id", "joinCode", "name" FROM "Classroom";
DROP TABLE "Classroom";
ALTER TABLE "new_Classroom" RENAME TO "Classroom";
CREATE UNIQUE INDEX "Classroom_joinCode_key" ON "Classroom"("joinCode");
CREATE INDEX "Classroom_schoolId_idx" ON "Classroom"("schoolId");
CREATE INDEX "Classroom_teacherId_idx" ON "Classroom"("teacherId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_schoolId_role_idx" ON "User"("schoolId", "role");

-- CreateIndex
CREATE INDEX "Enrollment_studentId_idx" ON "Enrollment"("studentId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_classroomId_studentId_key" ON "Enrollment"("classroomId", "studentId");

-- CreateIndex
CREATE UNIQUE INDEX "Enrollment_classroomId_nicknameKey_key" ON "Enrollment"("classroomId", "nicknameKey");

-- CreateIndex
CREATE UNIQUE INDEX "Lesson_slug_key" ON "Lesson"("slug");

-- CreateIndex
CREATE INDEX "Lesson_phase_session_idx" ON "Lesson"("phase", "session");

-- CreateIndex
CREATE INDEX "LessonProgress_lessonId_kind_key_idx" ON "LessonProgress"("lessonId", "kind", "key");

-- CreateIndex
CREATE UNIQUE INDEX "LessonProgress_studentId_lessonId_kind_key_key" ON "LessonProgress"("studentId", "lessonId", "kind", "key");

-- CreateIndex
CREATE INDEX "QuizAttempt_studentId_lessonId_objectiveKey_createdAt_idx" ON "QuizAttempt"("studentId", "lessonId", "objectiveKey", "createdAt");

-- CreateIndex
CREATE INDEX "QuizAttempt_classroomId_lessonId_questionId_correct_idx" ON "QuizAttempt"("classroomId", "lessonId", "questionId", "correct");

-- CreateIndex
CREATE INDEX "Challenge_classroomId_status_idx" ON "Challenge"("classroomId", "status");

-- CreateIndex
CREATE INDEX "ChallengeParticipant_challengeId_bestPublicLogLoss_idx" ON "ChallengeParticipant"("challengeId", "bestPublicLogLoss");

-- CreateIndex
CREATE INDEX "ChallengeParticipant_challengeId_finalPrivateLogLoss_idx" ON "ChallengeParticipant"("challengeId", "finalPrivateLogLoss");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeParticipant_challengeId_studentId_key" ON "ChallengeParticipant"("challengeId", "studentId");

-- CreateIndex
CREATE INDEX "ChallengeSnapshot_challengeId_takenAt_idx" ON "ChallengeSnapshot"("challengeId", "takenAt");

-- CreateIndex
CREATE INDEX "ChallengeSnapshot_participantId_takenAt_idx" ON "ChallengeSnapshot"("participantId", "takenAt");

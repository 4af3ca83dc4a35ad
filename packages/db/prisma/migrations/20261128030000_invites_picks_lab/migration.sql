-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "usedById" TEXT,
    CONSTRAINT "Invite_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ChallengePick" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participantId" TEXT NOT NULL,
    "w" JSONB NOT NULL,
    "b" REAL NOT NULL,
    "publicLogLoss" REAL NOT NULL,
    "privateLogLoss" REAL NOT NULL,
    "pickedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ChallengePick_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "ChallengeParticipant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LabWork" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "studentId" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "draft" TEXT NOT NULL,
    "draftSavedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "passingCode" TEXT,
    "passedAt" DATETIME,
    "lastResults" JSONB,
    CONSTRAINT "LabWork_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");

-- CreateIndex
CREATE INDEX "Invite_schoolId_createdAt_idx" ON "Invite"("schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "ChallengePick_participantId_pickedAt_idx" ON "ChallengePick"("participantId", "pickedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LabWork_studentId_lessonSlug_key" ON "LabWork"("studentId", "lessonSlug");

-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedById" TEXT,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengePick" (
    "id" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "w" JSONB NOT NULL,
    "b" DOUBLE PRECISION NOT NULL,
    "publicLogLoss" DOUBLE PRECISION NOT NULL,
    "privateLogLoss" DOUBLE PRECISION NOT NULL,
    "pickedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChallengePick_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabWork" (
    "id" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "draft" TEXT NOT NULL,
    "draftSavedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "passingCode" TEXT,
    "passedAt" TIMESTAMP(3),
    "lastResults" JSONB,

    CONSTRAINT "LabWork_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");

-- CreateIndex
CREATE INDEX "Invite_schoolId_createdAt_idx" ON "Invite"("schoolId", "createdAt");

-- CreateIndex
CREATE INDEX "ChallengePick_participantId_pickedAt_idx" ON "ChallengePick"("participantId", "pickedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LabWork_studentId_lessonSlug_key" ON "LabWork"("studentId", "lessonSlug");

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengePick" ADD CONSTRAINT "ChallengePick_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "ChallengeParticipant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabWork" ADD CONSTRAINT "LabWork_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

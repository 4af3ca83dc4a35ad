-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Challenge" (
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
    "classBalance" REAL NOT NULL DEFAULT 0.5,
    "labelFlips" REAL NOT NULL DEFAULT 0,
    "outliers" REAL NOT NULL DEFAULT 0,
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
INSERT INTO "new_Challenge" ("classroomId", "controls", "createdAt", "datasetKind", "datasetSeed", "durationSeconds", "endedAt", "id", "lastResumedAt", "liveMsBeforePause", "noise", "pausedAt", "privateTestSize", "publicTestSize", "startedAt", "status", "title", "trainSize") SELECT "classroomId", "controls", "createdAt", "datasetKind", "datasetSeed", "durationSeconds", "endedAt", "id", "lastResumedAt", "liveMsBeforePause", "noise", "pausedAt", "privateTestSize", "publicTestSize", "startedAt", "status", "title", "trainSize" FROM "Challenge";
DROP TABLE "Challenge";
ALTER TABLE "new_Challenge" RENAME TO "Challenge";
CREATE INDEX "Challenge_classroomId_status_idx" ON "Challenge"("classroomId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- AlterTable
ALTER TABLE "Challenge" ADD COLUMN "deadlineAt" DATETIME;
ALTER TABLE "Challenge" ADD COLUMN "heldOutSecret" TEXT;

-- CreateIndex
CREATE INDEX "Challenge_status_deadlineAt_idx" ON "Challenge"("status", "deadlineAt");

-- Backfill (hand-written, the test "upgrading a database" runs these statements).
-- Drafts have scored nothing yet: each gets its held-out secret now (256 bits from the CSPRNG of SQLite),
-- so no challenge started after this migration has rebuildable held-out points. Live, paused and ended
-- challenges keep none: their stored scores were computed on the held-out points their seed gives.
UPDATE "Challenge" SET "heldOutSecret" = lower(hex(randomblob(32))) WHERE "status" = 'draft' AND "heldOutSecret" IS NULL;
-- The deadline of a live challenge: when it was last resumed plus what was left of its duration then.
UPDATE "Challenge" SET "deadlineAt" = strftime('%Y-%m-%dT%H:%M:%f', "lastResumedAt", printf('%+.3f seconds', ("durationSeconds" * 1000 - "liveMsBeforePause") / 1000.0)) || '+00:00' WHERE "status" = 'live' AND "lastResumedAt" IS NOT NULL AND "deadlineAt" IS NULL;

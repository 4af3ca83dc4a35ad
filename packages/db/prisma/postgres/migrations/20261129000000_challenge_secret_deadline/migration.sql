-- AlterTable
ALTER TABLE "Challenge" ADD COLUMN     "deadlineAt" TIMESTAMP(3),
ADD COLUMN     "heldOutSecret" TEXT;

-- CreateIndex
CREATE INDEX "Challenge_status_deadlineAt_idx" ON "Challenge"("status", "deadlineAt");

-- Backfill (hand-written, the test "upgrading a database" runs these statements).
-- Drafts have scored nothing yet: each gets its held-out secret now (SHA-256 of two gen_random_uuid(), 244
-- random bits from the strong random source of the server, PostgreSQL 13 or later), so no challenge started
-- after this migration has rebuildable held-out points. Live, paused and ended challenges keep none: their
-- stored scores were computed on the held-out points their seed gives.
UPDATE "Challenge" SET "heldOutSecret" = encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'hex') WHERE "status" = 'draft' AND "heldOutSecret" IS NULL;
-- The deadline of a live challenge: when it was last resumed plus what was left of its duration then.
UPDATE "Challenge" SET "deadlineAt" = "lastResumedAt" + ("durationSeconds" * 1000 - "liveMsBeforePause") * INTERVAL '1 millisecond' WHERE "status" = 'live' AND "lastResumedAt" IS NOT NULL AND "deadlineAt" IS NULL;

-- AlterTable
ALTER TABLE "ChallengeParticipant" ADD COLUMN "bestFeatures" JSONB;
ALTER TABLE "ChallengeParticipant" ADD COLUMN "finalFeatures" JSONB;

-- AlterTable
ALTER TABLE "ChallengeSnapshot" ADD COLUMN "features" JSONB;

-- AlterTable
ALTER TABLE "ChallengePick" ADD COLUMN "features" JSONB;

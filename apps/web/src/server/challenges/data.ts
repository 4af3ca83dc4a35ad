import "server-only";
import {
  baseRateModel,
  bestAchievableModel,
  type ChallengeDatasetSpec,
  type ChallengeDatasets,
  challengeDatasets,
  scoreSubmission,
} from "@margin/core";
import { type Challenge, challengeHeldOutSecret, type Db } from "@margin/db";

/** The yardsticks a board is read against, computed by the server on the held-out points. */
export interface ReferenceLosses {
  /**
   * Public log loss of the base-rate model (p = the training share of class 1 everywhere): the fixed
   * starting line "improvement" is measured from.
   */
  baseline: number;
  /** The lowest log loss any linear model can reach on each held-out split (fitted on that split itself). */
  optimum: { privateLoss: number; publicLoss: number };
}

interface Entry {
  data: ChallengeDatasets;
  references?: ReferenceLosses;
}

/** Challenge data is deterministic in its spec and secret; keep the latest few built in this process. */
const cache = new Map<string, Entry>();
const CACHE_SIZE = 32;

async function entryOf(db: Db, challenge: Challenge): Promise<Entry> {
  const cached = cache.get(challenge.id);
  if (cached) return cached;
  const secret = await challengeHeldOutSecret(db, challenge.id);
  // The database stores the kind as free text; challengeDatasets validates it (CoreError if unknown).
  const data = challengeDatasets(challenge.dataset as ChallengeDatasetSpec, secret ?? null);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? "");
  const entry: Entry = { data };
  cache.set(challenge.id, entry);
  return entry;
}

/** The challenge's training and held-out points, held-out ones from its secret (which stays here). */
export async function challengeData(db: Db, challenge: Challenge): Promise<ChallengeDatasets> {
  return (await entryOf(db, challenge)).data;
}

/** The challenge's baseline and best achievable losses (computed once per process). */
export async function referenceLosses(db: Db, challenge: Challenge): Promise<ReferenceLosses> {
  const entry = await entryOf(db, challenge);
  if (!entry.references) {
    const { train, publicTest, privateTest } = entry.data;
    // Students' models are linear in (x₁, x₂) today; for feature crosses, pass the expanded points.
    entry.references = {
      baseline: scoreSubmission(baseRateModel(train), null, publicTest),
      optimum: {
        privateLoss: bestAchievableModel(privateTest).logLoss,
        publicLoss: bestAchievableModel(publicTest).logLoss,
      },
    };
  }
  return entry.references;
}

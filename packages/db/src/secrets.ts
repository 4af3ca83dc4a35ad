import { hash, verify } from "@node-rs/argon2";

/**
 * Credentials are stored only as these hashes (passwords, student PINs). Argon2id with OWASP's minimum profile (19 MiB, 2 passes, 1 lane): memory-hard, so a stolen table
 * is expensive to attack on GPUs. Parameters travel inside the hash, so raising them later is safe.
 */
// `algorithm: 2` is Argon2id (the package's const enum can't be imported under isolatedModules).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, OPTIONS);
}

/** False for a wrong secret and for a malformed or missing hash; never throws. */
export async function verifySecret(storedHash: string | null | undefined, secret: string): Promise<boolean> {
  if (!storedHash) {
    // Spend the same time as a real check so a missing account doesn't answer faster than a wrong password.
    await hash(secret, OPTIONS);
    return false;
  }
  try {
    return await verify(storedHash, secret);
  } catch {
    return false;
  }
}

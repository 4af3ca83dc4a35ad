import { describe, expect, it } from "vitest";
import { hashSecret, verifySecret } from "./secrets";

describe("credential hashes", () => {
  it("are salted Argon2id hashes that verify only the right secret", async () => {
    const first = await hashSecret("correct horse battery");
    const second = await hashSecret("correct horse battery");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verifySecret(first, "correct horse battery")).toBe(true);
    expect(await verifySecret(first, "correct horse batterY")).toBe(false);
  });

  it("refuse a missing or malformed hash without throwing", async () => {
    expect(await verifySecret(null, "anything")).toBe(false);
    expect(await verifySecret("not-a-hash", "anything")).toBe(false);
  });
});

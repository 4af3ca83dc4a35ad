import { describe, expect, it } from "vitest";
import { LIMITS, Limits, RateLimitedError } from "./policy";
import { memoryStore } from "./store";

const SCHOOL = "198.51.100.20";

async function refusal(promise: Promise<unknown>): Promise<RateLimitedError | null> {
  return promise.then(
    () => null,
    (error: unknown) => {
      expect(error).toBeInstanceOf(RateLimitedError);
      return error as RateLimitedError;
    },
  );
}

describe("Limits", () => {
  it("lets an email that signed in from the school keep signing in there while the address is over its limit", async () => {
    const limits = new Limits(memoryStore());
    await limits.rememberSignIn({ email: "teacher@school.test", address: SCHOOL });
    const spray = Array.from({ length: LIMITS.signIn.perAddress.points + 50 }, (_, n) =>
      refusal(limits.signIn({ email: `victim${n}@school.test`, address: SCHOOL })),
    );
    const refused = (await Promise.all(spray)).filter(Boolean);
    expect(refused).toHaveLength(50);
    expect(refused[0]?.message).toMatch(/^Too many sign-in attempts\. Try again in 15 minutes\.$/);
    // Known here: only its own email + address count applies.
    const attempt = await limits.signIn({ email: "teacher@school.test", address: SCHOOL });
    await attempt.succeeded();
    // A teacher never seen at this address waits, like the sprayer.
    expect(await refusal(limits.signIn({ email: "new@school.test", address: SCHOOL }))).not.toBeNull();
  });

  it("doesn't spend the wider counts on an attempt a narrower one refused", async () => {
    const limits = new Limits(memoryStore());
    const guesses = Array.from({ length: 200 }, () =>
      refusal(limits.rejoin({ student: "ada", classCode: "CATS42", address: SCHOOL })),
    );
    expect((await Promise.all(guesses)).filter((r) => r === null)).toHaveLength(5);
    // 195 refusals by the student's own count left the class's and the address's counts almost untouched.
    for (let n = 0; n < LIMITS.rejoin.perClassAndAddress.points - 5; n += 1) {
      await limits.rejoin({ student: `classmate${n}`, classCode: "CATS42", address: SCHOOL });
    }
    expect(
      await refusal(limits.rejoin({ student: "bob", classCode: "CATS42", address: SCHOOL })),
    ).not.toBeNull();
  });

  it("gives the points back when the attempt succeeds, so a class rejoining counts no failures", async () => {
    const limits = new Limits(memoryStore());
    for (let n = 0; n < 100; n += 1) {
      const attempt = await limits.rejoin({ student: `pupil${n}`, classCode: "CATS42", address: SCHOOL });
      await attempt.succeeded();
    }
    expect(
      await refusal(limits.rejoin({ student: "last", classCode: "CATS42", address: SCHOOL })),
    ).toBeNull();
  });

  it("lets 35 students join one class from one address at once", async () => {
    const limits = new Limits(memoryStore());
    const joins = Array.from({ length: 35 }, () =>
      refusal(limits.joinFrom(SCHOOL).then(() => limits.joinClass("class-1"))),
    );
    expect((await Promise.all(joins)).filter(Boolean)).toEqual([]);
  });
});

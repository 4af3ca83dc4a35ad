import { describe, expect, it } from "vitest";
import { FailureLimiter } from "./rate-limit";

describe("FailureLimiter", () => {
  it("locks a key out after too many failures and lets it in again after the window", () => {
    let now = 0;
    const limiter = new FailureLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i += 1) limiter.recordFailure("ada@example.org");
    expect(limiter.retryAfter("ada@example.org")).toBe(60_000);
    expect(limiter.retryAfter("alan@example.org")).toBe(0);
    now = 60_001;
    expect(limiter.retryAfter("ada@example.org")).toBe(0);
  });

  it("forgets failures after a success", () => {
    const limiter = new FailureLimiter(2, 60_000);
    limiter.recordFailure("k");
    limiter.recordFailure("k");
    limiter.reset("k");
    expect(limiter.retryAfter("k")).toBe(0);
  });
});

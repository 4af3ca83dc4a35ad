import { createHash } from "node:crypto";
import { addressKey } from "./address-key";
import { BackoffLimiter, type LimitSpec } from "./backoff-limiter";
import type { CounterStore } from "./store";

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Every limit, with its numbers (README "Security → Limits" lists the same). Each attempt is counted
 * BEFORE any work is done for it (no Argon2, no write for a refused one); attempts that succeed give their
 * point back, so the counters hold failures (and attempts still in flight). Narrow keys come first and
 * are much tighter than per-address ones: a school's NAT is one address for hundreds of honest people.
 */
export const LIMITS = {
  signIn: {
    /** One email from one address: typos are fine, guessing isn't. */
    perEmailAndAddress: {
      points: 5,
      windowSeconds: 15 * MINUTE,
      backoff: { firstBlockSeconds: MINUTE, maxBlockSeconds: 4 * HOUR },
    },
    /** One email from anywhere (a guesser with several addresses); not applied where the email signed in lately. */
    perEmail: {
      points: 20,
      windowSeconds: HOUR,
      backoff: { firstBlockSeconds: 15 * MINUTE, maxBlockSeconds: DAY },
    },
    /** Password spraying from one address; not applied to emails that signed in from it lately. */
    perAddress: {
      points: 100,
      windowSeconds: 15 * MINUTE,
      backoff: { firstBlockSeconds: 15 * MINUTE, maxBlockSeconds: DAY },
    },
  },
  rejoin: {
    /** One student's PIN (a new PIN from the teacher starts a new count). */
    perStudent: {
      points: 5,
      windowSeconds: 15 * MINUTE,
      backoff: { firstBlockSeconds: 15 * MINUTE, maxBlockSeconds: DAY },
    },
    /** Guessing through a class's nicknames from one address. */
    perClassAndAddress: {
      points: 20,
      windowSeconds: 15 * MINUTE,
      backoff: { firstBlockSeconds: 15 * MINUTE, maxBlockSeconds: 2 * HOUR },
    },
    /** The same across every class. */
    perAddress: {
      points: 60,
      windowSeconds: 15 * MINUTE,
      backoff: { firstBlockSeconds: 15 * MINUTE, maxBlockSeconds: 2 * HOUR },
    },
  },
  join: {
    /** Whole classes join from one school address at once, so this one is wide. */
    perAddress: {
      points: 300,
      windowSeconds: 10 * MINUTE,
      backoff: { firstBlockSeconds: MINUTE, maxBlockSeconds: 30 * MINUTE },
    },
    /** Keeps a class's roster from being flooded with made-up students. */
    perClass: {
      points: 100,
      windowSeconds: 10 * MINUTE,
      backoff: { firstBlockSeconds: MINUTE, maxBlockSeconds: 15 * MINUTE },
    },
  },
  signUp: {
    /** "An account with this email already exists" answers questions; this bounds how many. */
    perAddress: {
      points: 20,
      windowSeconds: HOUR,
      backoff: { firstBlockSeconds: HOUR, maxBlockSeconds: DAY },
    },
  },
  acceptInvite: {
    perAddress: {
      points: 20,
      windowSeconds: HOUR,
      backoff: { firstBlockSeconds: HOUR, maxBlockSeconds: DAY },
    },
    /** One invite link can't be used to test many emails. */
    perInvite: { points: 5, windowSeconds: HOUR, backoff: { firstBlockSeconds: HOUR, maxBlockSeconds: DAY } },
  },
  quizSubmit: {
    /** Blind guessing one question; an honest student rarely needs more than a few tries. */
    perStudentAndQuestion: {
      points: 10,
      windowSeconds: 10 * MINUTE,
      backoff: { firstBlockSeconds: 10 * MINUTE, maxBlockSeconds: HOUR },
    },
    perStudent: { points: 120, windowSeconds: 10 * MINUTE },
    /** Practice without a student session (visitors, teachers trying the quiz). */
    perAddressWithoutStudent: { points: 300, windowSeconds: 10 * MINUTE },
  },
} as const satisfies Record<string, Record<string, LimitSpec>>;

/** How long an email counts as "signed in from this address lately" (exempt from the wide limits). */
export const KNOWN_ADDRESS_SECONDS = 14 * DAY;

/** Refused by a limit: the message says when to try again. Mapped to TOO_MANY_REQUESTS. */
export class RateLimitedError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = "RateLimitedError";
  }
}

function inWords(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes <= 90) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hours`;
}

/** Keys are hashed: emails, nicknames and addresses don't sit in Redis in clear, and lengths are bounded. */
function key(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 32);
}

/** An attempt allowed to go ahead; tell it how it ended. */
export interface Attempt {
  succeeded(): Promise<void>;
}

type Step = { limiter: BackoffLimiter; key: string };

type Limiters = {
  [Action in keyof typeof LIMITS]: { [Name in keyof (typeof LIMITS)[Action]]: BackoffLimiter };
};

export class Limits {
  private readonly limiters: Limiters;
  private readonly knownAddresses;

  constructor(store: CounterStore) {
    const build = <Action extends keyof typeof LIMITS>(action: Action) =>
      Object.fromEntries(
        Object.entries(LIMITS[action]).map(([name, spec]) => [
          name,
          new BackoffLimiter(`${action}:${name}`, spec, store),
        ]),
      ) as Limiters[Action];
    this.limiters = {
      signIn: build("signIn"),
      rejoin: build("rejoin"),
      join: build("join"),
      signUp: build("signUp"),
      acceptInvite: build("acceptInvite"),
      quizSubmit: build("quizSubmit"),
    };
    this.knownAddresses = store({ name: "signIn:known", points: 1, durationSeconds: KNOWN_ADDRESS_SECONDS });
  }

  /** Before checking a password. Emails that signed in from this address lately skip the wide limits. */
  async signIn(input: { email: string; address: string }): Promise<Attempt> {
    const { perEmailAndAddress, perEmail, perAddress } = this.limiters.signIn;
    const address = addressKey(input.address);
    const pair = key(input.email, address);
    const known = (await this.knownAddresses.get(pair)) !== null;
    const steps: Step[] = [{ limiter: perEmailAndAddress, key: pair }];
    if (!known)
      steps.push({ limiter: perEmail, key: key(input.email) }, { limiter: perAddress, key: key(address) });
    await this.take(steps, (wait) => `Too many sign-in attempts. Try again in ${wait}.`);
    return this.attempt(steps, () => this.rememberSignIn(input));
  }

  /** After a sign-in, sign-up or accepted invite: this email is at home at this address. */
  async rememberSignIn(input: { email: string; address: string }): Promise<void> {
    await this.knownAddresses.set(key(input.email, addressKey(input.address)), 1, KNOWN_ADDRESS_SECONDS);
  }

  /** Before checking a PIN. `student` names the account and its PIN's generation (or the nickname typed). */
  async rejoin(input: { student: string; classCode: string; address: string }): Promise<Attempt> {
    const { perStudent, perClassAndAddress, perAddress } = this.limiters.rejoin;
    const address = addressKey(input.address);
    const steps: Step[] = [
      { limiter: perStudent, key: key(input.student) },
      { limiter: perClassAndAddress, key: key(input.classCode, address) },
      { limiter: perAddress, key: key(address) },
    ];
    await this.take(
      steps,
      (wait) => `Too many wrong PINs. Ask your teacher to reset your PIN, or try again in ${wait}.`,
    );
    return this.attempt(steps);
  }

  /** Before looking up a join code. */
  async joinFrom(address: string): Promise<void> {
    await this.take(
      [{ limiter: this.limiters.join.perAddress, key: key(addressKey(address)) }],
      (wait) => `Too many joins from your network right now. Try again in ${wait}.`,
    );
  }

  /** Once the code names a class, before creating the student. */
  async joinClass(classroomId: string): Promise<void> {
    await this.take(
      [{ limiter: this.limiters.join.perClass, key: key(classroomId) }],
      (wait) => `Too many students joined this class just now. Try again in ${wait}.`,
    );
  }

  async signUp(address: string): Promise<void> {
    await this.take(
      [{ limiter: this.limiters.signUp.perAddress, key: key(addressKey(address)) }],
      (wait) => `Too many sign-ups from your network. Try again in ${wait}.`,
    );
  }

  async acceptInvite(input: { token: string; address: string }): Promise<void> {
    const { perInvite, perAddress } = this.limiters.acceptInvite;
    await this.take(
      [
        { limiter: perInvite, key: key(input.token) },
        { limiter: perAddress, key: key(addressKey(input.address)) },
      ],
      (wait) => `Too many attempts with this invite. Try again in ${wait}.`,
    );
  }

  async quizSubmit(input: { studentId: string; questionId: string } | { address: string }): Promise<void> {
    const { perStudentAndQuestion, perStudent, perAddressWithoutStudent } = this.limiters.quizSubmit;
    const steps: Step[] =
      "studentId" in input
        ? [
            { limiter: perStudentAndQuestion, key: key(input.studentId, input.questionId) },
            { limiter: perStudent, key: key(input.studentId) },
          ]
        : [{ limiter: perAddressWithoutStudent, key: key(addressKey(input.address)) }];
    await this.take(
      steps,
      (wait) => `That's a lot of answers in a row. Read the lesson again, then try again in ${wait}.`,
    );
  }

  /**
   * Counts the attempt on every step, narrowest first. The first refusal gives back what the earlier
   * steps took (a refused attempt does no work, so it shouldn't spend wider budgets) and throws.
   */
  private async take(steps: Step[], message: (wait: string) => string): Promise<void> {
    for (const [index, step] of steps.entries()) {
      const verdict = await step.limiter.consume(step.key);
      if (verdict.allowed) continue;
      await Promise.all(steps.slice(0, index).map((taken) => taken.limiter.refund(taken.key)));
      throw new RateLimitedError(message(inWords(verdict.retryAfterMs)), verdict.retryAfterMs);
    }
  }

  private attempt(steps: Step[], onSuccess?: () => Promise<void>): Attempt {
    return {
      succeeded: async () => {
        await Promise.all(steps.map((step) => step.limiter.refund(step.key)));
        await onSuccess?.();
      },
    };
  }
}

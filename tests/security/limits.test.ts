/**
 * Issue 12 rows 1, 2, 6, 10 and 13 against the running platform: guessing, batching, flooding and
 * enumeration are refused, and the honest uses they were hurting still work. The platform trusts
 * X-Forwarded-For from loopback (TRUSTED_PROXIES=loopback), so each simulated browser has its own address.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAt, inBatches, ok, PASSWORD, tally, teacherWithClass, uniqueEmail } from "./support/accounts";
import type { HttpBrowser } from "./support/http-client";
import { type RunningApp, startRunningApp } from "./support/running-app";

let app: RunningApp;
let addresses = 0;
/** A browser on an address no other test uses (203.0.113.0/24 and up, documentation ranges). */
const freshBrowser = () => {
  addresses += 1;
  return browserAt(app.webUrl, `203.0.${113 + Math.floor(addresses / 250)}.${addresses % 250}`);
};

beforeAll(async () => {
  app = await startRunningApp({ TRUSTED_PROXIES: "loopback" });
});
afterAll(() => app?.stop());

async function joinedStudent(code: string, nickname: string) {
  const browser = freshBrowser();
  const { pin } = ok(await browser.mutate<{ pin: string }>("student.join", { code, nickname }));
  return { browser, pin };
}

/** Every PIN but `right`, then `right` last: guess number 1 000 is the right one. */
function pinGuesses(right: string): string[] {
  const wrong = Array.from({ length: 10_000 }, (_, n) => String(n).padStart(4, "0")).filter(
    (p) => p !== right,
  );
  return [...wrong.slice(0, 999), right];
}

describe("row 1: batched and parallel guessing", () => {
  it("refuses a 1 000-call batch outright, and 1 000 PIN guesses in capped batches get 5 checks at most", async () => {
    const teacher = freshBrowser();
    const { code } = await teacherWithClass(teacher);
    const student = await joinedStudent(code, "Ada");
    const attacker = freshBrowser();
    const guesses = pinGuesses(student.pin);
    const rejoin = (pin: string): [string, unknown] => ["student.rejoin", { code, nickname: "Ada", pin }];

    // One request with 1 000 calls: refused as a whole before any of them runs.
    const oneRequest = await attacker.batch("mutation", guesses.map(rejoin));
    expect(tally(oneRequest)).toEqual({ BAD_REQUEST: 1000 });

    // The same guesses as 49 batches of 20 sent at once, then the batch holding the right PIN.
    const first = await inBatches(attacker, guesses.slice(0, 980).map(rejoin));
    const last = await attacker.batch("mutation", guesses.slice(980).map(rejoin));
    const outcomes = tally([...first, ...last]);
    expect(outcomes.ok).toBeUndefined();
    expect(outcomes.UNAUTHORIZED).toBeLessThanOrEqual(5);
    expect(outcomes.TOO_MANY_REQUESTS).toBeGreaterThanOrEqual(995);
    expect(attacker.cookies.size).toBe(0);
    expect(last.at(-1)).toMatchObject({ ok: false, error: { code: "TOO_MANY_REQUESTS" } });

    // The student isn't stuck: the teacher resets the PIN and the new one works at once.
    const roster = ok(
      await teacher.query<{ students: { studentId: string; nickname: string }[] }>("roster.list", { code }),
    );
    const studentId = roster.students.find((s) => s.nickname === "Ada")?.studentId;
    const { pin } = ok(await teacher.mutate<{ pin: string }>("roster.resetPin", { code, studentId }));
    const newDevice = freshBrowser();
    ok(await newDevice.mutate("student.rejoin", { code, nickname: "Ada", pin }));
    expect(ok(await newDevice.query<{ role: string }>("auth.me"))).toMatchObject({ role: "student" });
  });

  it("gives 500 parallel password guesses at most 5 checks, and the teacher still signs in from school", async () => {
    const school = freshBrowser();
    const { email } = await teacherWithClass(school);
    const attacker = freshBrowser();
    const guesses = Array.from({ length: 500 }, (_, n): [string, unknown] => [
      "auth.signIn",
      { email, password: n === 499 ? PASSWORD : `guess number ${n}` },
    ]);
    const first = await inBatches(attacker, guesses.slice(0, 480));
    const last = await attacker.batch("mutation", guesses.slice(480));
    const outcomes = tally([...first, ...last]);
    expect(outcomes.ok).toBeUndefined();
    expect(outcomes.UNAUTHORIZED).toBeLessThanOrEqual(5);
    expect(last.at(-1)).toMatchObject({ ok: false, error: { code: "TOO_MANY_REQUESTS" } });
    expect(attacker.cookies.size).toBe(0);

    const teacherAgain = browserAt(app.webUrl, school.headers["x-forwarded-for"] ?? "");
    ok(await teacherAgain.mutate("auth.signIn", { email, password: PASSWORD }));
  });
});

describe("row 2: addresses and a school's shared NAT", () => {
  it("counts by the X-Forwarded-For a trusted proxy reports: another client address is another count", async () => {
    const { email } = await teacherWithClass(freshBrowser());
    const guesser = freshBrowser();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const wrong = await guesser.mutate("auth.signIn", { email, password: `wrong guess ${attempt}` });
      expect(wrong).toMatchObject({ ok: false, error: { code: "UNAUTHORIZED" } });
    }
    const sixth = await guesser.mutate("auth.signIn", { email, password: PASSWORD });
    expect(sixth).toMatchObject({ ok: false, error: { code: "TOO_MANY_REQUESTS" } });
    ok(await freshBrowser().mutate("auth.signIn", { email, password: PASSWORD }));
  });

  it("lets a class of 35 join from one school address at once", async () => {
    const { code } = await teacherWithClass(freshBrowser());
    const nat = freshBrowser().headers["x-forwarded-for"] ?? "";
    const joins = await Promise.all(
      Array.from({ length: 35 }, (_, n) =>
        browserAt(app.webUrl, nat).mutate("student.join", { code, nickname: `Pupil ${n + 1}` }),
      ),
    );
    expect(tally(joins)).toEqual({ ok: 35 });
  });

  it("keeps a teacher signing in from the school while 500 failed sign-ins for other emails come from it", async () => {
    const nat = freshBrowser().headers["x-forwarded-for"] ?? "";
    const { email } = await teacherWithClass(browserAt(app.webUrl, nat));
    const attacker = browserAt(app.webUrl, nat);
    const spray = Array.from({ length: 500 }, (_, n): [string, unknown] => [
      "auth.signIn",
      { email: uniqueEmail(`victim${n}`), password: "Password1234" },
    ]);
    const outcomes = tally(await inBatches(attacker, spray));
    expect(outcomes.ok).toBeUndefined();
    expect(outcomes.TOO_MANY_REQUESTS).toBeGreaterThan(0);

    const teacher = browserAt(app.webUrl, nat);
    ok(await teacher.mutate("auth.signIn", { email, password: PASSWORD }));
    expect(ok(await teacher.query<{ email: string }>("auth.me"))).toMatchObject({ email });
  });
});

describe("row 6: a flood of joins", () => {
  it("answers 1 000 wrong-code joins from one address with at most 300 lookups, while the class keeps working", async () => {
    const teacher = freshBrowser();
    const { email, code } = await teacherWithClass(teacher);
    const flooder = freshBrowser();
    const flood = inBatches(
      flooder,
      Array.from({ length: 1000 }, (_, n): [string, unknown] => [
        "student.join",
        { code: "ZZZZZZ", nickname: `Bogus ${n}` },
      ]),
    );
    // During the flood: the teacher signs in elsewhere, a student joins with the real code.
    const signIn = freshBrowser().mutate("auth.signIn", { email, password: PASSWORD });
    const join = freshBrowser().mutate("student.join", { code, nickname: "Real student" });
    const outcomes = tally(await flood);
    expect(outcomes.ok).toBeUndefined();
    expect(outcomes.NOT_FOUND).toBeLessThanOrEqual(300);
    expect(outcomes.TOO_MANY_REQUESTS).toBeGreaterThanOrEqual(700);
    ok(await signIn);
    ok(await join);
    const roster = ok(await teacher.query<{ students: { nickname: string }[] }>("roster.list", { code }));
    expect(roster.students.map((s) => s.nickname)).toEqual(["Real student"]);
  });
});

describe("row 10: enumerating emails", () => {
  it("says nothing about an email without a valid invite link, and limits sign-ups per address", async () => {
    const { email } = await teacherWithClass(freshBrowser());
    const prober = freshBrowser();
    const accept = (probe: string) =>
      prober.mutate("invites.accept", {
        token: "x".repeat(43),
        displayName: "Probe",
        email: probe,
        password: PASSWORD,
      });
    const taken = await accept(email);
    const free = await accept(uniqueEmail("free"));
    expect(taken).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(taken.ok ? null : taken.error.message).toBe(free.ok ? null : free.error.message);

    // Sign-in answers the same for an unknown email and a wrong password.
    const unknown = await prober.mutate("auth.signIn", { email: uniqueEmail("nobody"), password: PASSWORD });
    const wrong = await freshBrowser().mutate("auth.signIn", { email, password: "not the password" });
    expect(unknown).toEqual(wrong);

    // Sign-up must say an email is taken, so the answers are limited: 20 per address per hour.
    const signUps = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        prober.mutate("auth.signUp", {
          displayName: "Probe",
          schoolName: "Probe school",
          email: n === 0 ? email : uniqueEmail("probe"),
          password: PASSWORD,
        }),
      ),
    );
    const outcomes = tally(signUps);
    expect((outcomes.ok ?? 0) + (outcomes.CONFLICT ?? 0)).toBeLessThanOrEqual(20);
    expect(outcomes.TOO_MANY_REQUESTS).toBeGreaterThanOrEqual(10);
    // Another address signs up as usual.
    await teacherWithClass(freshBrowser());
  });

  it("lets an invited teacher join with a valid link, but not use it to test many emails", async () => {
    const admin = freshBrowser();
    const { email } = await teacherWithClass(admin);
    const { token } = ok(await admin.mutate<{ token: string }>("invites.create", undefined));
    const invitee = freshBrowser();
    const probes = await Promise.all(
      Array.from({ length: 10 }, () =>
        invitee.mutate("invites.accept", { token, displayName: "Probe", email, password: PASSWORD }),
      ),
    );
    const outcomes = tally(probes);
    expect(outcomes.CONFLICT).toBeLessThanOrEqual(5);
    expect(outcomes.TOO_MANY_REQUESTS).toBeGreaterThanOrEqual(5);
    // The link itself is still good for its owner (refused attempts created nothing).
    const teacher = freshBrowser();
    const second = await admin.mutate<{ token: string }>("invites.create", undefined);
    ok(
      await teacher.mutate("invites.accept", {
        token: ok(second).token,
        displayName: "Mr Okafor",
        email: uniqueEmail("okafor"),
        password: PASSWORD,
      }),
    );
  });
});

describe("row 13: quiz guessing", () => {
  const submit = (browser: HttpBrowser, questionId: string, value: number) =>
    browser.mutate("quiz.submit", {
      lessonSlug: "cats-or-dogs",
      questionId,
      answer: { kind: "numeric", value },
    });

  it("grades at most 10 answers to one question in 10 minutes, and the student can go on with the others", async () => {
    const { code } = await teacherWithClass(freshBrowser());
    const { browser: student } = await joinedStudent(code, "Guesser");
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, n) => submit(student, "sigmoid-of-z", n / 100)),
    );
    const outcomes = tally(guesses);
    expect(outcomes.ok).toBeLessThanOrEqual(10);
    expect(outcomes.TOO_MANY_REQUESTS).toBeGreaterThanOrEqual(30);
    expect(ok(await submit(student, "sigmoid-at-zero", 0.5))).toMatchObject({ correct: true });
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { logLoss, seedBlobs } from "@margin/core";
import { verifyRealtimeToken } from "@margin/core/protocol";
import { migrateDatabase } from "@margin/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A real SQLite file, migrated by the real Prisma CLI, behind the real router and real cookies.
const directory = mkdtempSync(join(tmpdir(), "margin-web-test-"));
const REALTIME_SECRET = "web-router-test-realtime-secret-0123456789";
process.env.DATABASE_URL = `file:${join(directory, "test.db")}`;
process.env.REALTIME_SECRET = REALTIME_SECRET;
process.env.SESSION_SECRET = "web-router-test-session-secret-0123456789";

const { TestBrowser } = await import("~/test-support/trpc-client");

beforeAll(async () => {
  await migrateDatabase(process.env.DATABASE_URL ?? "");
}, 120_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

const {
  errorOf,
  joinedStudent: student,
  signedUpTeacher: teacher,
  TEST_PASSWORD: PASSWORD,
  teacherWithClass,
} = await import("~/test-support/accounts");

describe("accounts", () => {
  it("signs a teacher up with an httpOnly, SameSite session cookie", async () => {
    const { browser } = await teacher();
    expect(browser.lastSetCookie[0]).toMatch(
      /^margin_session=.+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax/,
    );
    const me = await browser.call((api) => api.auth.me());
    expect(me).toMatchObject({ role: "school_admin" });
    expect(JSON.stringify(me)).not.toContain("argon2");
  });

  it("refuses a duplicate email with a clear message", async () => {
    const { email } = await teacher();
    const error = await errorOf(
      new TestBrowser().call((api) =>
        api.auth.signUp({
          displayName: "Copy",
          schoolName: "Copy",
          email: email.toUpperCase(),
          password: PASSWORD,
        }),
      ),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/already exists/);
  });

  it("signs in with the right password and refuses a wrong one", async () => {
    const { email } = await teacher();
    const browser = new TestBrowser();
    const wrong = await errorOf(
      browser.call((api) => api.auth.signIn({ email, password: "not the password" })),
    );
    expect(wrong).toMatchObject({ code: "UNAUTHORIZED", message: "Wrong email or password" });
    expect(browser.cookie).toBeNull();
    await browser.call((api) => api.auth.signIn({ email, password: PASSWORD }));
    expect(await browser.call((api) => api.auth.me())).toMatchObject({ email });
  });

  it("rate-limits repeated wrong passwords, even before checking a right one", async () => {
    const { email } = await teacher();
    const browser = new TestBrowser();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await errorOf(browser.call((api) => api.auth.signIn({ email, password: `guess-${attempt}-guess` })));
    }
    const limited = await errorOf(browser.call((api) => api.auth.signIn({ email, password: PASSWORD })));
    expect(limited.code).toBe("TOO_MANY_REQUESTS");
    expect(limited.message).toMatch(/Try again in \d+ minute/);
  });

  it("signs out by clearing the cookie", async () => {
    const { browser } = await teacher();
    await browser.call((api) => api.auth.signOut());
    expect(browser.cookie).toBeNull();
    expect(await browser.call((api) => api.auth.me())).toBeNull();
  });

  it("ignores a forged or tampered session cookie", async () => {
    const { browser } = await teacher();
    const [name, value = ""] = (browser.cookie ?? "").split("=");
    const [body = "", signature = ""] = value.split(".");
    const forged = new TestBrowser();
    forged.cookie = `${name}=${body}.${signature.slice(0, -2)}xx`;
    expect(await forged.call((api) => api.auth.me())).toBeNull();
    await errorOf(forged.call((api) => api.classroom.mine()));
  });

  it("refuses a weak password and a malformed email as BAD_REQUEST", async () => {
    const browser = new TestBrowser();
    const error = await errorOf(
      browser.call((api) =>
        api.auth.signUp({ displayName: "A", schoolName: "S", email: "nope", password: "short" }),
      ),
    );
    expect(error.code).toBe("BAD_REQUEST");
  });
});

describe("classes and students", () => {
  it("lets only staff create classes, and lists only a teacher's own", async () => {
    const anonymous = await errorOf(new TestBrowser().call((api) => api.classroom.create({ name: "X" })));
    expect(anonymous.code).toBe("UNAUTHORIZED");
    const { code } = await teacherWithClass();
    const pupil = await student(code);
    expect((await errorOf(pupil.browser.call((api) => api.classroom.create({ name: "X" })))).code).toBe(
      "FORBIDDEN",
    );
    const other = await teacher();
    expect(await other.browser.call((api) => api.classroom.mine())).toEqual([]);
  });

  it("joins a student with a 4-digit PIN that rejoins on another device", async () => {
    const { code } = await teacherWithClass();
    const { pin, nickname } = await student(code, "Ada");
    expect(pin).toMatch(/^\d{4}$/);
    const otherDevice = new TestBrowser();
    await otherDevice.call((api) => api.student.rejoin({ code, nickname: nickname.toLowerCase(), pin }));
    expect(await otherDevice.call((api) => api.auth.me())).toMatchObject({
      role: "student",
      displayName: "Ada",
    });
  });

  it("refuses a taken nickname, a wrong PIN and an unknown code with clear messages", async () => {
    const { code } = await teacherWithClass();
    const { pin } = await student(code, "Grace");
    const taken = await errorOf(
      new TestBrowser().call((api) => api.student.join({ code, nickname: "grace" })),
    );
    expect(taken.code).toBe("CONFLICT");
    expect(taken.message).toMatch(/rejoin with your PIN/);
    const wrongPin = pin === "0000" ? "1111" : "0000";
    const wrong = await errorOf(
      new TestBrowser().call((api) => api.student.rejoin({ code, nickname: "Grace", pin: wrongPin })),
    );
    expect(wrong.code).toBe("UNAUTHORIZED");
    const unknown = await errorOf(
      new TestBrowser().call((api) => api.student.join({ code: "ZZZZZZ", nickname: "Ada" })),
    );
    expect(unknown).toMatchObject({ code: "NOT_FOUND", message: "No class has the join code ZZZZZZ" });
  });
});

describe("results", () => {
  it("stores a student's run with the loss the server computed; only the class's teacher reads them", async () => {
    const { browser: teacherBrowser, code } = await teacherWithClass();
    const pupil = await student(code, "Ada");
    const w: [number, number] = [2.2233, 1.8234];
    const saved = await pupil.browser.call((api) =>
      api.results.submit({ code, w, b: -0.3127, iterations: 1000, learningRate: 0.1 }),
    );
    expect(saved.logLoss).toBeCloseTo(logLoss({ w, b: -0.3127 }, seedBlobs()), 12);
    expect(saved).toMatchObject({ nickname: "Ada", accuracy: 1 });
    expect((await teacherBrowser.call((api) => api.results.list({ code }))).map((r) => r.w)).toEqual([w]);
    const stranger = await teacher();
    expect((await errorOf(stranger.browser.call((api) => api.results.list({ code })))).code).toBe(
      "FORBIDDEN",
    );
    expect((await errorOf(pupil.browser.call((api) => api.results.list({ code })))).code).toBe("FORBIDDEN");
  });

  it("refuses a student's submission to another class", async () => {
    const first = await teacherWithClass();
    const second = await teacherWithClass();
    const pupil = await student(first.code);
    const error = await errorOf(
      pupil.browser.call((api) =>
        api.results.submit({ code: second.code, w: [1, 1], b: 0, iterations: 10, learningRate: 0.1 }),
      ),
    );
    expect(error.code).toBe("FORBIDDEN");
  });

  it.each([
    ["NaN weights", { w: [Number.NaN, 1] }],
    ["infinite bias", { b: Number.POSITIVE_INFINITY }],
    ["a third weight", { w: [1, 2, 3] }],
    ["a negative learning rate", { learningRate: -1 }],
  ])("refuses %s and stores nothing", async (_label, override) => {
    const { browser: teacherBrowser, code } = await teacherWithClass();
    const pupil = await student(code);
    const input = { code, w: [1, 1], b: 0, iterations: 10, learningRate: 0.1, ...override };
    const error = await errorOf(pupil.browser.call((api) => api.results.submit(input as never)));
    expect(error.code).toBe("BAD_REQUEST");
    expect(await teacherBrowser.call((api) => api.results.list({ code }))).toEqual([]);
  });
});

describe("realtime tokens", () => {
  it("are minted for a student's own class and a teacher's own class only", async () => {
    const { browser: teacherBrowser, classroom, code } = await teacherWithClass();
    const pupil = await student(code, "Ada");
    const { token } = await pupil.browser.call((api) => api.realtime.studentToken({ code }));
    const verified = await verifyRealtimeToken(token, REALTIME_SECRET);
    expect(verified).toMatchObject({
      ok: true,
      claims: { role: "student", classroomId: classroom.id, nickname: "Ada" },
    });
    const teacherToken = await teacherBrowser.call((api) => api.realtime.teacherToken({ code }));
    expect(await verifyRealtimeToken(teacherToken.token, REALTIME_SECRET)).toMatchObject({
      ok: true,
      claims: { role: "teacher", classroomId: classroom.id },
    });

    const other = await teacherWithClass();
    expect(
      (await errorOf(pupil.browser.call((api) => api.realtime.studentToken({ code: other.code })))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await errorOf(teacherBrowser.call((api) => api.realtime.teacherToken({ code: other.code })))).code,
    ).toBe("FORBIDDEN");
    expect((await errorOf(pupil.browser.call((api) => api.realtime.teacherToken({ code })))).code).toBe(
      "FORBIDDEN",
    );
  });
});

describe("quizzes and progress", () => {
  it("serves questions without their answers", async () => {
    const questions = await new TestBrowser().call((api) =>
      api.quiz.questions({ lessonSlug: "cats-or-dogs", questionIds: ["sigmoid-at-zero", "sigmoid-graph"] }),
    );
    expect(questions.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(questions)).not.toMatch(/"(answer|tolerance|correct|explanation|whyWrong)"/);
  });

  it("grades a visitor's answer without recording it", async () => {
    const result = await new TestBrowser().call((api) =>
      api.quiz.submit({
        lessonSlug: "cats-or-dogs",
        questionId: "sigmoid-at-zero",
        answer: { kind: "numeric", value: 0.5 },
      }),
    );
    expect(result).toMatchObject({ correct: true, mastery: null });
  });

  // Changed on purpose (issue 16): this test used to master "sigmoid" with a wrong-then-right answer to
  // σ(0) and one more right answer, the latest-answer rule that blind retries could game. A retry now
  // never counts; mastery needs two questions right at the first try, one with the student's own numbers.
  it("records a student's wrong-then-right answers; mastery from first tries shows to the student and the teacher", async () => {
    const { browser: teacherBrowser, code } = await teacherWithClass();
    const pupil = await student(code, "Ada");
    const submit = (
      questionId: string,
      answer: { kind: "numeric"; value: number } | { kind: "choice"; choiceId: string },
    ) => pupil.browser.call((api) => api.quiz.submit({ lessonSlug: "cats-or-dogs", questionId, answer }));
    expect(await submit("sigmoid-at-zero", { kind: "numeric", value: 1 })).toMatchObject({
      correct: false,
      firstTry: true,
      mastery: { mastered: false },
    });
    expect(await submit("sigmoid-at-zero", { kind: "numeric", value: 0.5 })).toMatchObject({
      correct: true,
      firstTry: false,
      counted: false,
      mastery: { mastered: false },
    });
    const [ownNumbers, graph] = await pupil.browser.call((api) =>
      api.quiz.questions({ lessonSlug: "cats-or-dogs", questionIds: ["sigmoid-of-z", "sigmoid-graph"] }),
    );
    const z = Number(/z = (-?[\d.]+)\$/.exec(ownNumbers?.prompt ?? "")?.[1]);
    expect(await submit("sigmoid-of-z", { kind: "numeric", value: 1 / (1 + Math.exp(-z)) })).toMatchObject({
      correct: true,
      counted: true,
      mastery: { mastered: false },
    });
    const sCurve =
      graph?.kind === "choice"
        ? graph.choices.find((c) => c.text.startsWith("An S-curve rising"))
        : undefined;
    expect(await submit("sigmoid-graph", { kind: "choice", choiceId: sCurve?.id ?? "" })).toMatchObject({
      correct: true,
      counted: true,
      mastery: { mastered: true },
    });

    const mine = await pupil.browser.call((api) => api.progress.mine({ lessonSlug: "cats-or-dogs" }));
    expect(
      mine.objectives.filter((objective) => objective.mastered).map((objective) => objective.key),
    ).toEqual(["sigmoid"]);
    const grid = await teacherBrowser.call((api) =>
      api.progress.classroom({ code, lessonSlug: "cats-or-dogs" }),
    );
    expect(grid.students).toEqual([
      expect.objectContaining({
        nickname: "Ada",
        mastered: 1,
        objectives: expect.objectContaining({ sigmoid: "mastered" }),
      }),
    ]);
    const stranger = await teacher();
    expect(
      (
        await errorOf(
          stranger.browser.call((api) => api.progress.classroom({ code, lessonSlug: "cats-or-dogs" })),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });

  it("records sections a student viewed, idempotently, and refuses unknown sections", async () => {
    const { code } = await teacherWithClass();
    const pupil = await student(code);
    for (let i = 0; i < 2; i += 1) {
      await pupil.browser.call((api) =>
        api.progress.mark({ lessonSlug: "cats-or-dogs", sectionKey: "sigmoid", step: "viewed" }),
      );
    }
    await pupil.browser.call((api) =>
      api.progress.mark({ lessonSlug: "cats-or-dogs", sectionKey: "decision-boundary", step: "completed" }),
    );
    const mine = await pupil.browser.call((api) => api.progress.mine({ lessonSlug: "cats-or-dogs" }));
    expect(mine.sectionsViewed.sort()).toEqual(["decision-boundary", "sigmoid"]);
    expect(mine.sectionsTotal).toBeGreaterThanOrEqual(10);
    const unknown = await errorOf(
      pupil.browser.call((api) =>
        api.progress.mark({ lessonSlug: "cats-or-dogs", sectionKey: "nope", step: "viewed" }),
      ),
    );
    expect(unknown.code).toBe("BAD_REQUEST");
  });

  it("refuses an unknown question, a wrong answer shape and progress from visitors", async () => {
    const visitor = new TestBrowser();
    const unknown = await errorOf(
      visitor.call((api) =>
        api.quiz.submit({
          lessonSlug: "cats-or-dogs",
          questionId: "nope",
          answer: { kind: "numeric", value: 1 },
        }),
      ),
    );
    expect(unknown.code).toBe("NOT_FOUND");
    const badShape = await errorOf(
      visitor.call((api) =>
        api.quiz.submit({
          lessonSlug: "cats-or-dogs",
          questionId: "sigmoid-at-zero",
          answer: { kind: "numeric", value: Number.NaN },
        }),
      ),
    );
    expect(badShape.code).toBe("BAD_REQUEST");
    const anonymous = await errorOf(
      visitor.call((api) =>
        api.progress.mark({ lessonSlug: "cats-or-dogs", sectionKey: "sigmoid", step: "viewed" }),
      ),
    );
    expect(anonymous.code).toBe("UNAUTHORIZED");
  });
});

describe("challenges", () => {
  async function challengeSetup(
    options: {
      kind?: "cats-vs-dogs" | "circles";
      noise?: number;
      controls?: ("learningRate" | "featureCrosses")[];
    } = {},
  ) {
    const owner = await teacherWithClass();
    const challenge = await owner.browser.call((api) =>
      api.challenge.create({
        code: owner.code,
        title: "Race",
        kind: options.kind ?? "cats-vs-dogs",
        noise: options.noise ?? 0.4,
        seed: 7,
        trainSize: 120,
        testSize: 200,
        durationMinutes: 10,
        controls: options.controls ?? ["learningRate"],
      }),
    );
    return { ...owner, challenge };
  }

  /**
   * A student of the challenge's class who has joined it. Joining happens on the realtime connection; here
   * the db function stands in for it.
   */
  async function participant(code: string, challengeId: string, nickname: string) {
    const pupil = await student(code, nickname);
    const { joinChallenge } = await import("@margin/db");
    const { getDb } = await import("../db");
    const me = await pupil.browser.call((api) => api.auth.me());
    await joinChallenge(getDb(), { challengeId, studentId: me?.id ?? "" });
    return pupil;
  }

  it("gives the class's students the training points only, never the seed or held-out points", async () => {
    const { code, challenge } = await challengeSetup();
    const pupil = await student(code);
    const data = await pupil.browser.call((api) => api.challenge.trainingData({ challengeId: challenge.id }));
    expect(data.y).toHaveLength(120);
    expect(data.x).toHaveLength(240);
    const state = await pupil.browser.call((api) => api.challenge.state({ challengeId: challenge.id }));
    expect(JSON.stringify(state)).not.toMatch(/seed|TestSize|"7"/);
    expect(state).toMatchObject({
      status: "draft",
      controls: ["learningRate"],
      kind: "cats-vs-dogs",
      knobs: { noise: 0.4, classBalance: 0.5, labelFlips: 0, outliers: 0 },
    });
  });

  it("hides a challenge from other classes and other schools' teachers", async () => {
    const { challenge } = await challengeSetup();
    const elsewhere = await teacherWithClass();
    const outsider = await student(elsewhere.code);
    for (const browser of [outsider.browser, elsewhere.browser]) {
      const error = await errorOf(
        browser.call((api) => api.challenge.trainingData({ challengeId: challenge.id })),
      );
      expect(error.code).toBe("NOT_FOUND");
    }
    const anonymous = await errorOf(
      new TestBrowser().call((api) => api.challenge.state({ challengeId: challenge.id })),
    );
    expect(anonymous.code).toBe("UNAUTHORIZED");
  });

  it("lets only the teacher start, extend and replay it; extending after the end is refused", async () => {
    const { browser, code, challenge } = await challengeSetup();
    const pupil = await student(code);
    const forbidden = await errorOf(
      pupil.browser.call((api) => api.challenge.transition({ challengeId: challenge.id, to: "live" })),
    );
    expect(forbidden.code).toBe("FORBIDDEN");
    expect(
      (await errorOf(pupil.browser.call((api) => api.challenge.replay({ challengeId: challenge.id })))).code,
    ).toBe("FORBIDDEN");
    await browser.call((api) => api.challenge.transition({ challengeId: challenge.id, to: "live" }));
    const extended = await browser.call((api) =>
      api.challenge.extend({ challengeId: challenge.id, minutes: 5 }),
    );
    expect(extended.durationSeconds).toBe(15 * 60);
    await browser.call((api) => api.challenge.transition({ challengeId: challenge.id, to: "ended" }));
    const late = await errorOf(
      browser.call((api) => api.challenge.extend({ challengeId: challenge.id, minutes: 5 })),
    );
    expect(late.code).toBe("CONFLICT");
    const board = await browser.call((api) => api.challenge.leaderboard({ challengeId: challenge.id }));
    expect(board).toMatchObject({ revealed: true, rows: [] });
  });

  it("lets a student pick at most two models, scored by the server, private loss hidden until the end", async () => {
    const { browser, code, challenge } = await challengeSetup();
    await browser.call((api) => api.challenge.transition({ challengeId: challenge.id, to: "live" }));
    const pupil = await participant(code, challenge.id, "Ada");

    const model = { challengeId: challenge.id, w: [0.4, 0.9] as [number, number], b: -10 };
    const first = await pupil.browser.call((api) => api.challenge.pick(model));
    expect(first.publicLoss).toBeGreaterThan(0);
    expect(JSON.stringify(first)).not.toMatch(/private/i);
    await pupil.browser.call((api) => api.challenge.pick({ ...model, b: -9 }));
    const third = await errorOf(pupil.browser.call((api) => api.challenge.pick({ ...model, b: -8 })));
    expect(third).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/at most 2/) });
    const mine = await pupil.browser.call((api) => api.challenge.myPicks({ challengeId: challenge.id }));
    expect(mine).toHaveLength(2);
    expect(JSON.stringify(mine)).not.toMatch(/private/i);
    const live = await browser.call((api) => api.challenge.leaderboard({ challengeId: challenge.id }));
    expect(live.revealed).toBe(false);
    expect(live.rows.every((row) => row.privateLoss === null)).toBe(true);

    await browser.call((api) => api.challenge.transition({ challengeId: challenge.id, to: "ended" }));
    const final = await browser.call((api) => api.challenge.leaderboard({ challengeId: challenge.id }));
    expect(final.rows).toEqual([
      expect.objectContaining({
        nickname: "Ada",
        usedPicks: true,
        privateRank: 1,
        privateLoss: expect.any(Number),
      }),
    ]);
    const late = await errorOf(pupil.browser.call((api) => api.challenge.pick(model)));
    expect(late.code).toBe("CONFLICT");
  });

  it("scores a picked model with feature crosses from the held-out points, keeping its features", async () => {
    const { browser, code, challenge } = await challengeSetup({
      kind: "circles",
      noise: 0.1,
      controls: ["learningRate", "featureCrosses"],
    });
    await browser.call((api) => api.challenge.transition({ challengeId: challenge.id, to: "live" }));
    const pupil = await participant(code, challenge.id, "Mei");
    // Circles: the inner class on radius 0.5, the outer on 1; the circle r = 0.75 separates them.
    const circle = {
      challengeId: challenge.id,
      w: [-10, -10],
      b: 10 * 0.75 ** 2,
      features: ["x1^2", "x2^2"] as ("x1^2" | "x2^2")[],
    };
    const line = { challengeId: challenge.id, w: [1, 1], b: 0 };
    const curved = await pupil.browser.call((api) => api.challenge.pick(circle));
    const straight = await pupil.browser.call((api) => api.challenge.pick(line));
    expect(curved).toMatchObject({ w: [-10, -10], features: ["x1^2", "x2^2"] });
    expect(straight.features).toEqual(["x1", "x2"]);
    expect(curved.publicLoss).toBeLessThan(0.3);
    expect(straight.publicLoss).toBeGreaterThan(0.6);
    const mine = await pupil.browser.call((api) => api.challenge.myPicks({ challengeId: challenge.id }));
    expect(mine.map((pick) => pick.features)).toEqual([
      ["x1^2", "x2^2"],
      ["x1", "x2"],
    ]);
  });

  it("measures the best possible loss over the features the challenge allows: a line can't fit a ring", async () => {
    const optimum = async (controls: ("learningRate" | "featureCrosses")[]) => {
      const { browser, challenge } = await challengeSetup({ kind: "circles", noise: 0.1, controls });
      for (const to of ["live", "ended"] as const) {
        await browser.call((api) => api.challenge.transition({ challengeId: challenge.id, to }));
      }
      const board = await browser.call((api) => api.challenge.leaderboard({ challengeId: challenge.id }));
      return board.optimum?.privateLoss ?? Number.NaN;
    };
    expect(await optimum(["learningRate", "featureCrosses"])).toBeLessThan(0.05);
    expect(await optimum(["learningRate"])).toBeGreaterThan(0.6);
  });

  it("refuses a picked model with crosses the teacher didn't allow, or weights that don't fit its features", async () => {
    const { browser, code, challenge } = await challengeSetup();
    await browser.call((api) => api.challenge.transition({ challengeId: challenge.id, to: "live" }));
    const pupil = await participant(code, challenge.id, "Ravi");
    const crossed = await errorOf(
      pupil.browser.call((api) =>
        api.challenge.pick({ challengeId: challenge.id, w: [1, 1, 1], b: 0, features: ["x1", "x2", "x1x2"] }),
      ),
    );
    expect(crossed).toMatchObject({
      code: "BAD_REQUEST",
      message: "x₁x₂ isn't allowed in this challenge: use x₁, x₂",
    });
    for (const bad of [
      { w: [1, 1, 1], b: 0 },
      { w: [1, 1], b: 0, features: ["x2", "x1"] },
      { w: [1, Number.NaN], b: 0 },
      { w: [1, 1], b: 0, features: ["x1", "x2", "x3"] },
    ]) {
      const error = await errorOf(
        pupil.browser.call((api) =>
          api.challenge.pick({ challengeId: challenge.id, ...(bad as { w: number[]; b: number }) }),
        ),
      );
      expect(error.code).toBe("BAD_REQUEST");
    }
    expect(await pupil.browser.call((api) => api.challenge.myPicks({ challengeId: challenge.id }))).toEqual(
      [],
    );
  });

  it("refuses an unknown data set kind and absurd sizes", async () => {
    const { browser, code } = await teacherWithClass();
    const base = {
      code,
      title: "X",
      noise: 0.2,
      seed: 1,
      trainSize: 100,
      testSize: 100,
      durationMinutes: 5,
      controls: [],
    };
    for (const bad of [
      { kind: "spirals" },
      { kind: "blobs", trainSize: 1e9 },
      { kind: "blobs", noise: Number.NaN },
      { kind: "blobs", labelFlips: 0.9 },
      { kind: "blobs", classBalance: "half" },
    ]) {
      const error = await errorOf(browser.call((api) => api.challenge.create({ ...base, ...bad } as never)));
      expect(error.code).toBe("BAD_REQUEST");
    }
    const error = await errorOf(
      browser.call((api) => api.challenge.create({ ...base, kind: "blobs", outliers: 0.5 })),
    );
    expect(error.message).toContain("The share of outliers must be between 0% and 20%");
  });

  it("builds the class's data from the teacher's knobs: a 20% minority of dogs with flipped labels", async () => {
    const owner = await teacherWithClass();
    const create = (knobs: { classBalance?: number; labelFlips?: number }) =>
      owner.browser.call((api) =>
        api.challenge.create({
          code: owner.code,
          title: "Knobs",
          kind: "cats-vs-dogs",
          noise: 0.3,
          seed: 11,
          trainSize: 200,
          testSize: 200,
          durationMinutes: 5,
          controls: [],
          ...knobs,
        }),
      );
    const pupil = await student(owner.code);
    const dataOf = async (id: string) =>
      pupil.browser.call((api) => api.challenge.trainingData({ challengeId: id }));
    const balanced = await dataOf((await create({})).id);
    expect(balanced.y.filter((label) => label === 1)).toHaveLength(100);
    const rare = await dataOf((await create({ classBalance: 0.2 })).id);
    expect(rare.y.filter((label) => label === 1)).toHaveLength(40);
    const flipped = await dataOf((await create({ classBalance: 0.2, labelFlips: 0.1 })).id);
    expect(flipped.x).toEqual(rare.x);
    expect(flipped.y.filter((label, i) => label !== rare.y[i])).toHaveLength(20);
  });
});

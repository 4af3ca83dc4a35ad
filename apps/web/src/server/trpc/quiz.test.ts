import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sigmoid } from "@margin/core";
import { migrateDatabase } from "@margin/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catsOrDogs } from "~/content/cats-or-dogs";

// A real SQLite file, migrated by the real Prisma CLI, behind the real router and real cookies.
const directory = mkdtempSync(join(tmpdir(), "margin-quiz-test-"));
process.env.DATABASE_URL = `file:${join(directory, "test.db")}`;
process.env.REALTIME_SECRET = "quiz-router-test-realtime-secret-0123456789";
process.env.SESSION_SECRET = "quiz-router-test-session-secret-0123456789";

const { TestBrowser } = await import("~/test-support/trpc-client");
const { errorOf, joinedStudent, teacherWithClass } = await import("~/test-support/accounts");
const { findQuestion } = await import("~/server/quiz/bank");
const { presentQuestion } = await import("~/server/quiz/present");
type Answer = import("~/server/quiz/types").Answer;

beforeAll(async () => {
  await migrateDatabase(process.env.DATABASE_URL ?? "");
}, 120_000);

afterAll(() => rmSync(directory, { recursive: true, force: true }));

const lessonSlug = "cats-or-dogs";
type Browser = InstanceType<typeof TestBrowser>;

/** Every quiz block on the lesson page, as the page asks for it. */
const quizBlocks = catsOrDogs.sections.flatMap((section) =>
  section.blocks.flatMap((block) => (block.type === "quiz" ? [block] : [])),
);

const questionsOf = (browser: Browser, questionIds: readonly string[]) =>
  browser.call((api) => api.quiz.questions({ lessonSlug, questionIds: [...questionIds] }));
type View = Awaited<ReturnType<typeof questionsOf>>[number];
type AnswerInput = Answer;

const submit = (browser: Browser, view: View, answer: AnswerInput) =>
  browser.call((api) => api.quiz.submit({ lessonSlug, questionId: view.id, variant: view.variant, answer }));

async function studentId(browser: Browser): Promise<string> {
  const me = await browser.call((api) => api.auth.me());
  if (!me) throw new Error("not signed in");
  return me.id;
}

/**
 * The right answer to the version a student was shown, as a student who knows the lesson would work it
 * out. σ(z) is computed here from the prompt; the other questions use the generator's own answer (their
 * arithmetic is checked against independent formulas in quiz/grade.test.ts).
 */
function rightAnswer(view: View, owner: string): AnswerInput {
  const question = findQuestion(lessonSlug, view.id);
  if (!question) throw new Error(`no question ${view.id}`);
  const presented = presentQuestion(question, { kind: "student", studentId: owner }, view.variant);
  switch (presented.kind) {
    case "numeric": {
      if (view.id === "sigmoid-of-z") {
        const z = Number(/z = (-?[\d.]+)\$/.exec(view.prompt)?.[1]);
        return { kind: "numeric", value: Number(sigmoid(z).toFixed(4)) };
      }
      return { kind: "numeric", value: presented.answer };
    }
    case "choice":
    case "formula":
      return { kind: "choice", choiceId: presented.choices.find((c) => c.correct)?.publicId ?? "" };
    case "boundary":
      return { kind: "boundary", w: [1, 1], b: 0 };
  }
}

describe("quiz mastery through the API", () => {
  it("blind guessing on every question, retried until right, masters no objective", async () => {
    const { browser: teacher, code } = await teacherWithClass();
    const guesser = await joinedStudent(code, "Guesser");
    const owner = await studentId(guesser.browser);
    for (const block of quizBlocks) {
      for (let view of await questionsOf(guesser.browser, block.questionIds)) {
        // Three fresh versions of each own-numbers question, each guessed blind and then retried until right.
        for (let version = 0; version < (view.ownNumbers ? 3 : 1); version += 1) {
          if (view.kind === "choice" || view.kind === "formula") {
            // Options in the order shown until the feedback says "correct": elimination.
            for (const choice of view.choices) {
              const result = await submit(guesser.browser, view, { kind: "choice", choiceId: choice.id });
              if (result.correct) break;
            }
          } else {
            const blind: Answer =
              view.kind === "boundary"
                ? { kind: "boundary", w: [0, 0], b: 0 }
                : { kind: "numeric", value: 0 };
            expect(await submit(guesser.browser, view, blind)).toMatchObject({
              correct: false,
              firstTry: true,
            });
            const retried = await submit(guesser.browser, view, rightAnswer(view, owner));
            expect(retried).toMatchObject({ correct: true, firstTry: false, counted: false });
          }
          if (view.ownNumbers) {
            const next = view.variant + 1;
            view = await guesser.browser.call((api) =>
              api.quiz.question({ lessonSlug, questionId: view.id, variant: next }),
            );
            expect(view).toMatchObject({ variant: next, answered: false });
          }
        }
      }
    }
    const mine = await guesser.browser.call((api) => api.progress.mine({ lessonSlug }));
    expect(mine.objectives.map((o) => [o.key, o.mastered])).toEqual(
      catsOrDogs.meta.objectives.map((o) => [o.id, false]),
    );
    const grid = await teacher.call((api) => api.progress.classroom({ code, lessonSlug }));
    // The old rule (latest answer per question, ≥ 80% right) would have mastered all five here:
    // every question's latest answer is right.
    expect(grid.students[0]).toMatchObject({ nickname: "Guesser", mastered: 0 });
    expect(grid.students[0]?.quiz.answered).toBe(quizBlocks.flatMap((b) => b.questionIds).length);
  });

  it("a student answering fresh versions right at the first try masters every objective", async () => {
    const { browser: teacher, code } = await teacherWithClass();
    const pupil = await joinedStudent(code, "Ada");
    const owner = await studentId(pupil.browser);
    for (const objective of catsOrDogs.meta.objectives) {
      const ids = quizBlocks.filter((b) => b.objectiveId === objective.id).flatMap((b) => b.questionIds);
      const own = (await questionsOf(pupil.browser, ids)).filter((view) => view.ownNumbers).slice(0, 2);
      expect(own).toHaveLength(2);
      const [first, second] = own as [View, View];
      // A miss on the first numbers is not final: the next version is new, and a right first try counts.
      expect(await submit(pupil.browser, first, { kind: "numeric", value: 123 })).toMatchObject({
        correct: false,
        counted: false,
      });
      const fresh = await pupil.browser.call((api) =>
        api.quiz.question({ lessonSlug, questionId: first.id, variant: 1 }),
      );
      expect(fresh.prompt).not.toBe(first.prompt);
      expect(await submit(pupil.browser, fresh, rightAnswer(fresh, owner))).toMatchObject({
        correct: true,
        firstTry: true,
        counted: true,
        mastery: { mastered: false },
      });
      expect(await submit(pupil.browser, second, rightAnswer(second, owner))).toMatchObject({
        counted: true,
        mastery: { objectiveKey: objective.id, mastered: true },
      });
    }
    const mine = await pupil.browser.call((api) => api.progress.mine({ lessonSlug }));
    expect(mine.objectives.every((o) => o.mastered)).toBe(true);

    // The teacher sees the record: every attempt, first try or retry, and which counted.
    const grid = await teacher.call((api) => api.progress.classroom({ code, lessonSlug }));
    const row = grid.students[0];
    expect(row).toMatchObject({ nickname: "Ada", mastered: 5, quiz: { answered: 10, correct: 10 } });
    const timeline = await teacher.call((api) =>
      api.roster.timeline({ code, studentId: row?.studentId ?? "" }),
    );
    const attempts = timeline.events.flatMap((event) => (event.attempt ? [event.attempt] : []));
    expect(attempts).toHaveLength(15);
    expect(attempts.filter((a) => a.counted)).toHaveLength(10);
    expect(attempts.filter((a) => !a.correct)).toEqual(
      Array.from({ length: 5 }, () =>
        expect.objectContaining({ variant: 0, firstTry: true, ownNumbers: true }),
      ),
    );
  });

  it("retries on the same numbers never count, however many", async () => {
    const { code } = await teacherWithClass();
    const pupil = await joinedStudent(code);
    const owner = await studentId(pupil.browser);
    const [view] = await questionsOf(pupil.browser, ["example-log-loss"]);
    if (!view) throw new Error("no question");
    await submit(pupil.browser, view, { kind: "numeric", value: 9 });
    for (let i = 0; i < 3; i += 1) {
      expect(await submit(pupil.browser, view, rightAnswer(view, owner))).toMatchObject({ counted: false });
    }
    // Reloading the page shows fresh numbers once the current ones were answered right.
    const [after] = await questionsOf(pupil.browser, ["example-log-loss"]);
    expect(after).toMatchObject({ variant: 1, answered: false, counted: false });
  });
});

describe("quiz attacks", () => {
  it("refuses to show or grade a version ahead of the one given, storing nothing", async () => {
    const { browser: teacher, code } = await teacherWithClass();
    const pupil = await joinedStudent(code, "Peeker");
    const ahead = await errorOf(
      pupil.browser.call((api) => api.quiz.question({ lessonSlug, questionId: "sigmoid-of-z", variant: 5 })),
    );
    expect(ahead.code).toBe("BAD_REQUEST");
    const skip = await errorOf(
      pupil.browser.call((api) =>
        api.quiz.submit({
          lessonSlug,
          questionId: "sigmoid-of-z",
          variant: 3,
          answer: { kind: "numeric", value: 0.7 },
        }),
      ),
    );
    expect(skip.code).toBe("BAD_REQUEST");
    const shared = await errorOf(
      pupil.browser.call((api) =>
        api.quiz.submit({
          lessonSlug,
          questionId: "why-not-mse",
          variant: 1,
          answer: { kind: "choice", choiceId: "1" },
        }),
      ),
    );
    expect(shared.message).toMatch(/only one version/);
    for (const variant of [-1, 0.5, 1e9, Number.NaN]) {
      const bad = await errorOf(
        pupil.browser.call((api) =>
          api.quiz.submit({
            lessonSlug,
            questionId: "sigmoid-of-z",
            variant,
            answer: { kind: "numeric", value: 1 },
          }),
        ),
      );
      expect(bad.code).toBe("BAD_REQUEST");
    }
    const grid = await teacher.call((api) => api.progress.classroom({ code, lessonSlug }));
    expect(grid.students[0]?.quiz.answered).toBe(0);
  });

  it("grades each student on their own numbers: a classmate's right answer is wrong for them", async () => {
    const { code } = await teacherWithClass();
    const ada = await joinedStudent(code, "Ada");
    const bob = await joinedStudent(code, "Bob");
    const [adaView] = await questionsOf(ada.browser, ["mean-log-loss"]);
    const [bobView] = await questionsOf(bob.browser, ["mean-log-loss"]);
    if (!adaView || !bobView) throw new Error("no question");
    expect(adaView.prompt).not.toBe(bobView.prompt);
    const adasAnswer = rightAnswer(adaView, await studentId(ada.browser));
    expect(await submit(bob.browser, bobView, adasAnswer)).toMatchObject({ correct: false, counted: false });
    expect(await submit(ada.browser, adaView, adasAnswer)).toMatchObject({ correct: true, counted: true });
  });

  it("lets a batch of every option at once count as one first try, not one per option", async () => {
    const { code } = await teacherWithClass();
    const pupil = await joinedStudent(code);
    const [view] = await questionsOf(pupil.browser, ["sigmoid-graph"]);
    if (view?.kind !== "choice") throw new Error("not a choice question");
    const results = await Promise.all(
      view.choices.map((choice) => submit(pupil.browser, view, { kind: "choice", choiceId: choice.id })),
    );
    expect(results.filter((result) => result.firstTry)).toHaveLength(1);
    expect(results.filter((result) => result.counted).length).toBeLessThanOrEqual(1);
  });

  it("lets visitors practise any version without recording anything", async () => {
    const visitor = new TestBrowser();
    const view = await visitor.call((api) =>
      api.quiz.question({ lessonSlug, questionId: "boundary-slope-own", variant: 7 }),
    );
    expect(view).toMatchObject({ variant: 7, ownNumbers: true, answered: false });
    const question = findQuestion(lessonSlug, view.id);
    if (!question) throw new Error("no question");
    const presented = presentQuestion(question, { kind: "visitor" }, 7);
    if (presented.kind !== "numeric") throw new Error("not numeric");
    expect(await submit(visitor, view, { kind: "numeric", value: presented.answer })).toEqual({
      correct: true,
      feedback: presented.explanation,
      firstTry: null,
      counted: false,
      mastery: null,
    });
  });

  it("refuses unknown questions and oversized requests with a clear error", async () => {
    const visitor = new TestBrowser();
    const unknown = await errorOf(
      visitor.call((api) => api.quiz.questions({ lessonSlug, questionIds: ["nope"] })),
    );
    expect(unknown).toMatchObject({ code: "NOT_FOUND", message: "No question nope in this lesson" });
    const many = await errorOf(
      visitor.call((api) =>
        api.quiz.questions({ lessonSlug, questionIds: Array(21).fill("sigmoid-at-zero") }),
      ),
    );
    expect(many.code).toBe("BAD_REQUEST");
  });
});

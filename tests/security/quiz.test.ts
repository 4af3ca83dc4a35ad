import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpBrowser } from "./support/http-client";
import { type RunningApp, startRunningApp } from "./support/running-app";

// Attacks on quiz mastery (issue 16): batched guesses, forged versions, a removed student, all over HTTP.
let app: RunningApp;
beforeAll(async () => {
  app = await startRunningApp();
});
afterAll(() => app?.stop());

const lessonSlug = "cats-or-dogs";

interface Answered {
  correct: boolean;
  firstTry: boolean | null;
  counted: boolean;
}
interface QuestionView {
  id: string;
  variant: number;
  choices?: { id: string; text: string }[];
}

async function classWithStudent() {
  const teacher = new HttpBrowser(app.webUrl);
  const signedUp = await teacher.mutate("auth.signUp", {
    displayName: "Ms Quiz",
    schoolName: "Quiz High",
    email: `quiz-${Date.now()}-${Math.random().toString(36).slice(2)}@school.test`,
    password: "correct horse battery",
  });
  expect(signedUp.ok, JSON.stringify(signedUp)).toBe(true);
  const created = await teacher.mutate<{ joinCode: string }>("classroom.create", { name: "Year 9" });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const code = created.data.joinCode;
  const student = new HttpBrowser(app.webUrl);
  const joined = await student.mutate("student.join", { code, nickname: "Mallory" });
  expect(joined.ok, JSON.stringify(joined)).toBe(true);
  return { teacher, student, code };
}

async function grid(teacher: HttpBrowser, code: string) {
  const result = await teacher.query<{
    students: { studentId: string; mastered: number; quiz: { answered: number; correct: number } }[];
  }>("progress.classroom", { code, lessonSlug });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.students;
}

describe("quiz mastery under attack", () => {
  it("a batch of every option in one request gets one first try, not one per option", async () => {
    const { student } = await classWithStudent();
    const shown = await student.query<QuestionView[]>("quiz.questions", {
      lessonSlug,
      questionIds: ["why-not-mse"],
    });
    if (!shown.ok) throw new Error(JSON.stringify(shown));
    const [question] = shown.data;
    const options = question?.choices ?? [];
    expect(options).toHaveLength(3);
    const results = await student.batch(
      "mutation",
      options.map((option) => [
        "quiz.submit",
        { lessonSlug, questionId: "why-not-mse", answer: { kind: "choice", choiceId: option.id } },
      ]),
    );
    const answered = results.map((result) => (result.ok ? (result.data as Answered) : null));
    expect(answered.every(Boolean), JSON.stringify(results)).toBe(true);
    expect(answered.filter((a) => a?.firstTry)).toHaveLength(1);
    expect(answered.filter((a) => a?.counted).length).toBeLessThanOrEqual(1);
  });

  it("a batch of guesses at one fresh version gets one first try: a sweep can't buy evidence", async () => {
    const { student } = await classWithStudent();
    const guesses = Array.from({ length: 10 }, (_, i) => 0.05 + i / 10);
    const results = await student.batch(
      "mutation",
      guesses.map((value) => [
        "quiz.submit",
        { lessonSlug, questionId: "sigmoid-of-z", variant: 0, answer: { kind: "numeric", value } },
      ]),
    );
    const answered = results.map((result) => (result.ok ? (result.data as Answered) : null));
    expect(answered.every(Boolean), JSON.stringify(results)).toBe(true);
    expect(answered.filter((a) => a?.firstTry)).toHaveLength(1);
  });

  it("refuses forged versions: one not given yet, and any but 0 of a shared question", async () => {
    const { teacher, student, code } = await classWithStudent();
    const ahead = await student.mutate("quiz.submit", {
      lessonSlug,
      questionId: "example-log-loss",
      variant: 40,
      answer: { kind: "numeric", value: 0.5 },
    });
    expect(ahead).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    const peek = await student.query("quiz.question", {
      lessonSlug,
      questionId: "example-log-loss",
      variant: 2,
    });
    expect(peek).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    const shared = await student.mutate("quiz.submit", {
      lessonSlug,
      questionId: "log-loss-half",
      variant: 1,
      answer: { kind: "numeric", value: Math.LN2 },
    });
    expect(shared).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect((await grid(teacher, code))[0]?.quiz.answered).toBe(0);
  });

  it("records nothing from a student removed from the class", async () => {
    const { teacher, student, code } = await classWithStudent();
    const [row] = await grid(teacher, code);
    const removed = await teacher.mutate("roster.remove", { code, studentId: row?.studentId });
    expect(removed.ok, JSON.stringify(removed)).toBe(true);
    // Removal revokes the session: the answer is graded like a visitor's, and no attempt is stored.
    const late = await student.mutate("quiz.submit", {
      lessonSlug,
      questionId: "sigmoid-at-zero",
      answer: { kind: "numeric", value: 0.5 },
    });
    expect(late).toMatchObject({
      ok: true,
      data: { correct: true, firstTry: null, counted: false, mastery: null },
    });
    const timeline = await teacher.query("roster.timeline", { code, studentId: row?.studentId });
    expect(timeline.ok).toBe(false); // no longer in the class: nothing of theirs to show or add to
  });
});

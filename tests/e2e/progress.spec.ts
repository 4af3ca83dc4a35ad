import { expect, type Page, test } from "@playwright/test";
import { CORRECT, SIGN_ERROR } from "./lab-code";
import {
  answerNumeric,
  answerOwnSigmoid,
  createClass,
  joinAsStudent,
  ownZ,
  quizQuestion,
  screenshot,
  signUpTeacher,
} from "./support";

test("a student's quiz answers reach the teacher, and mastery needs right first tries", async ({
  browser,
}) => {
  // A long flow (two accounts, training, nine answers, the grid and the timeline): about 50 s on a busy
  // two-core machine, too close to the 60 s default.
  test.slow();
  const errors: string[] = [];
  const { page: teacher } = await signUpTeacher(browser, errors);
  const code = await createClass(teacher, "Year 11 · Progress");
  const { page: ada } = await joinAsStudent(browser, code, "Ada", errors);
  await expect(ada.getByText("0 of 5 objectives mastered")).toBeVisible();

  await ada.getByRole("link", { name: "Open the lesson" }).click();
  await expect(ada.getByRole("heading", { level: 1 })).toContainText("Cats or Dogs?");

  // The training widget runs the notebook's algorithm in the worker and lands on its final loss.
  const trainer = ada.getByRole("region", { name: "Train from scratch", exact: true });
  await trainer.getByRole("button", { name: "Train", exact: true }).click();
  await expect(trainer.getByText("0.0073", { exact: true }).first()).toBeVisible();

  // Wrong, then right: both are recorded, but the retry doesn't count towards mastery.
  const sigmoidAtZero = /What is σ \( 0 \) \?/;
  const zero = quizQuestion(ada, sigmoidAtZero);
  await answerNumeric(ada, sigmoidAtZero, "1");
  await expect(zero.getByText("Not yet.")).toBeVisible();
  await answerNumeric(ada, sigmoidAtZero, "0.5");
  await expect(zero.getByText("Correct.")).toBeVisible();
  await expect(zero.getByText(/This was a retry, so it helps you learn but doesn't count/)).toBeVisible();

  // Her own numbers: a miss, then new numbers, right at the first try: that counts.
  const own = quizQuestion(ada, /for z = /);
  await expect(own.getByText("your numbers")).toBeVisible();
  await answerNumeric(ada, /for z = /, "123");
  await expect(own.getByText("Not yet.")).toBeVisible();
  const firstZ = await ownZ(ada);
  await own.getByRole("button", { name: "New numbers" }).click();
  await expect(own.getByText("your numbers · set 2")).toBeVisible();
  expect(await ownZ(ada)).not.toBe(firstZ);
  await answerOwnSigmoid(ada);
  await expect(own.getByText("Right at the first try: this counts towards mastery.")).toBeVisible();

  // A shared question right at the first try completes the evidence.
  const graph = quizQuestion(ada, /Which sketch is the graph/);
  await graph.getByRole("radio", { name: /An S-curve rising/ }).check();
  await graph.getByRole("button", { name: "Check" }).click();
  await expect(graph.getByText("Right at the first try: this counts towards mastery.")).toBeVisible();
  await own.scrollIntoViewIfNeeded();
  await screenshot(ada, "lesson-quiz-own-numbers", { of: ada.locator(".ml-quiz").first() });
  await screenshot(ada, "lesson-after-quiz");

  await ada.goto(`/play/${code}`);
  await expect(ada.getByText("1 of 5 objectives mastered")).toBeVisible();

  await teacher.reload();
  const grid = teacher.getByRole("table", { name: "Lesson progress" });
  const row = grid.getByRole("row", { name: /Ada/ });
  await expect(row).toContainText("Mastered");
  await expect(row).toContainText("1 of 5");
  await expect(row).toContainText("2/3 (67%)");

  // The record of attempts: every answer, first try or retry, and which counted.
  await row.getByRole("button", { name: "Ada" }).click();
  const timeline = teacher.getByRole("region", { name: "Student timeline" });
  await expect(timeline.getByText(/Wrong at “σ\(0\)”, first try/)).toBeVisible();
  await expect(timeline.getByText(/Right at “σ\(0\)”, retry/)).toBeVisible();
  await expect(
    timeline.getByText(/Right at “σ\(z\) for your own z” \(own numbers, set 2\), first try/),
  ).toBeVisible();
  await expect(timeline.getByText("counts towards mastery")).toHaveCount(2);
  await screenshot(teacher, "teacher-progress");
  await screenshot(teacher, "teacher-timeline", { of: timeline });
  expect(errors).toEqual([]);
});

/** A tRPC mutation sent straight from a student's browser context, as a crafted request would be. */
async function callMutation(page: Page, path: string, input: unknown) {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  return { status: response.status(), body: await response.json() };
}

test("the teacher's progress grid shows each student's coding lab and opens their code", async ({
  browser,
}) => {
  const errors: string[] = [];
  const { page: teacher } = await signUpTeacher(browser, errors);
  const code = await createClass(teacher, "Year 11 · Lab");
  const lessonSlug = "cats-or-dogs";
  const { page: ada } = await joinAsStudent(browser, code, "Ada", errors);
  const { page: bob } = await joinAsStudent(browser, code, "Bob", errors);
  const { page: cy } = await joinAsStudent(browser, code, "Cy", errors);
  await joinAsStudent(browser, code, "Dee", errors);

  // Ada's correct code passes on the server. Bob forges a pass for a sign error: the server grades it itself.
  const passed = await callMutation(ada, "lab.recordRun", {
    lessonSlug,
    language: "javascript",
    code: CORRECT,
  });
  expect(passed.body.result.data.json).toMatchObject({ passed: true, objectiveCompleted: true });
  const results = ["sigmoid-zero", "gradients", "train"].map((id) => ({ id, passed: true }));
  const forged = await callMutation(bob, "lab.recordRun", {
    lessonSlug,
    language: "javascript",
    code: SIGN_ERROR,
    results,
  });
  expect(forged.body.result.data.json).toMatchObject({ passed: false, objectiveCompleted: false });
  await callMutation(cy, "lab.saveDraft", { lessonSlug, language: "javascript", draft: "// thinking" });

  await teacher.reload();
  await expect(teacher.getByRole("table", { name: "Coding lab" })).toHaveCount(0); // the old card is gone
  const summary = teacher.getByLabel("Coding lab summary");
  await expect(summary).toContainText("Coding lab passed1 of 4");
  const grid = teacher.getByRole("table", { name: "Lesson progress" });
  await expect(grid.getByRole("columnheader", { name: "Coding lab" })).toBeVisible();
  const cell = (name: string) => grid.getByRole("row", { name: new RegExp(`^${name}`) });
  await expect(cell("Ada").getByRole("link", { name: /^Ada's code: Passed ✓/ })).toBeVisible();
  await expect(cell("Ada")).toContainText("Completed ✓");
  await expect(
    cell("Bob").getByRole("link", {
      name: "Bob's code: 6 of 8 checks, failing: computeGradients: shape and values",
    }),
  ).toBeVisible();
  await expect(cell("Bob")).not.toContainText("Completed");
  await expect(cell("Cy").getByRole("link", { name: /^Cy's code: Draft/ })).toBeVisible();
  await expect(cell("Dee")).toContainText("Not started");
  await expect(cell("Dee").getByRole("link", { name: /code/ })).toHaveCount(0);

  // Sorting and filtering work on the lab column like the others.
  await teacher.getByLabel("Sort by").selectOption({ label: "Coding lab" });
  const names = grid.locator("tbody th");
  await expect(names).toHaveText(["Ada", "Bob", "Cy", "Dee"]);
  await teacher.getByLabel("Show").selectOption({ label: "Not passed the coding lab" });
  await expect(names).toHaveText(["Bob", "Cy", "Dee"]);
  await teacher.getByLabel("Show").selectOption({ label: "Everyone" });
  await grid.scrollIntoViewIfNeeded();
  await screenshot(teacher, "teacher-progress-lab");

  // The CSV carries the lab column.
  const download = teacher.waitForEvent("download");
  await teacher.getByRole("link", { name: "Download progress CSV" }).click();
  const csv = await (await download).createReadStream().then(
    (stream) =>
      new Promise<string>((resolve) => {
        let text = "";
        stream.on("data", (chunk) => {
          text += chunk;
        });
        stream.on("end", () => resolve(text));
      }),
  );
  expect(csv).toContain("Coding lab first failing check");
  expect(csv).toMatch(/Bob,.*failing,6,8,computeGradients: shape and values/);

  // Keyboard: the link is reachable and opens the read-only code.
  const bobLink = cell("Bob").getByRole("link", { name: /^Bob's code/ });
  await bobLink.focus();
  await teacher.keyboard.press("Enter");
  await expect(teacher.getByRole("heading", { name: "Bob's code" })).toBeVisible();
  const readOnly = teacher.getByRole("textbox", { name: "Bob's code (read-only)" });
  await expect(readOnly).toContainText("const r = y[i] - yPred[i];");
  await expect(readOnly).toHaveAttribute("contenteditable", "false");
  await expect(
    teacher.getByRole("list", { name: "Latest checks" }).getByRole("listitem", {
      name: "computeGradients: shape and values: failed",
    }),
  ).toBeVisible();
  await screenshot(teacher, "teacher-lab-code");
  expect(errors).toEqual([]);
});

import { expect, type Page, test } from "@playwright/test";
import { CORRECT, SIGN_ERROR } from "./lab-code";
import { createClass, joinAsStudent, screenshot, signUpTeacher } from "./support";

async function answerNumeric(page: Page, prompt: RegExp, value: string) {
  const question = page.getByRole("group", { name: prompt });
  await question.getByLabel("Your answer").fill(value);
  await question
    .locator("xpath=..")
    .getByRole("button", { name: /Check|Try again/ })
    .click();
}

test("a student's lesson progress and quiz mastery reach the teacher", async ({ browser }) => {
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

  // Wrong, then right: both attempts are recorded; the second question completes the objective.
  const sigmoidAtZero = /What is σ\(0\)\?/;
  await answerNumeric(ada, sigmoidAtZero, "1");
  const first = ada.getByRole("group", { name: sigmoidAtZero }).locator("xpath=..");
  await expect(first.getByText("Not yet.")).toBeVisible();
  await answerNumeric(ada, sigmoidAtZero, "0.5");
  await expect(first.getByText("Correct.")).toBeVisible();
  await answerNumeric(ada, /What is σ\(5\)/, "0.9933");
  await expect(
    ada
      .getByRole("group", { name: /What is σ\(5\)/ })
      .locator("xpath=..")
      .getByText("Correct."),
  ).toBeVisible();
  await screenshot(ada, "lesson-after-quiz");

  await ada.goto(`/play/${code}`);
  await expect(ada.getByText("1 of 5 objectives mastered")).toBeVisible();

  await teacher.reload();
  const grid = teacher.getByRole("table", { name: "Lesson progress" });
  const row = grid.getByRole("row", { name: /Ada/ });
  await expect(row).toContainText("Mastered");
  await expect(row).toContainText("1 of 5");
  await screenshot(teacher, "teacher-progress");
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

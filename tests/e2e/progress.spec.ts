import { expect, type Page, test } from "@playwright/test";
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

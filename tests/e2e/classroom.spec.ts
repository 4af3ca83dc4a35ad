import { type Browser, expect, type Page, test } from "@playwright/test";
import { screenshot, watchConsole } from "./support";

async function joinAsStudent(browser: Browser, code: string, nickname: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/");
  await page.getByLabel("Join code").fill(code);
  await page.getByLabel("Nickname").fill(nickname);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByRole("heading", { name: "Train your cat-vs-dog classifier" })).toBeVisible();
  await expect(page.getByText("connected", { exact: true })).toBeVisible();
  return page;
}

test("a teacher watches two students' boundaries arrive live", async ({ browser }) => {
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  const errors = watchConsole(teacher, "teacher");

  await teacher.goto("/");
  await screenshot(teacher, "home");
  await teacher.getByLabel("New class name").fill("Year 10 · Cats or Dogs");
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("heading", { name: "Live class dashboard" })).toBeVisible();
  const code = new URL(teacher.url()).pathname.split("/").pop() ?? "";
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expect(teacher.getByText(code, { exact: true })).toBeVisible();
  await expect(teacher.getByText("Waiting for students to train…")).toBeVisible();

  const ada = await joinAsStudent(browser, code, "Ada");
  const alan = await joinAsStudent(browser, code, "Alan");
  errors.push(...watchConsole(ada, "ada"), ...watchConsole(alan, "alan"));

  // Ada trains with the lesson's settings and must reach the notebook's final loss.
  await ada.getByRole("button", { name: "Train" }).click();
  await expect(ada.getByText("Result saved for your teacher.")).toBeVisible();
  await expect(ada.getByText("0.0073").first()).toBeVisible();
  await screenshot(ada, "student-trained");

  // Alan trains with a smaller learning rate.
  const rate = alan.getByLabel("Learning rate");
  await rate.focus();
  await rate.press("ArrowLeft");
  await rate.press("ArrowLeft");
  await expect(alan.getByText("0.01", { exact: true })).toBeVisible();
  await alan.getByRole("button", { name: "Train" }).click();
  await expect(alan.getByText("Result saved for your teacher.")).toBeVisible();

  const leaderboard = teacher.getByRole("table", { name: "Live leaderboard" });
  await expect(leaderboard.getByRole("row")).toHaveCount(3);
  await expect(leaderboard.getByRole("row").nth(1)).toContainText("Ada");
  await expect(leaderboard.getByRole("row").nth(2)).toContainText("Alan");
  await expect(teacher.getByRole("img", { name: /2 decision boundaries/ })).toBeVisible();
  await expect(teacher.getByRole("table", { name: "Saved results" }).getByRole("row")).toHaveCount(3);
  await screenshot(teacher, "teacher-dashboard");

  expect(errors).toEqual([]);
});

test("a wrong join code gets a clear message", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Join code").fill("ZZZZZZ");
  await page.getByLabel("Nickname").fill("Grace");
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByLabel("Join code")).toHaveAccessibleDescription("No class has the join code ZZZZZZ");
  await expect(page).toHaveURL("/");
  await screenshot(page, "join-wrong-code");
});

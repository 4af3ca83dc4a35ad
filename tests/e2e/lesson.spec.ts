import { expect, type Page, test } from "@playwright/test";
import { screenshot, watchConsole as watchAllConsole } from "./support";

const LESSON = "/lesson/cats-or-dogs";

// The lesson's own headings, in its order.
const SECTION_TITLES = [
  "Big idea",
  "By the end, you'll be able to",
  "The problem with plain linear regression for classification",
  "The sigmoid function",
  "Your classification model",
  "Why MSE fails for classification",
  "Deriving log loss",
  "Why it works with sigmoid",
  "The decision boundary",
  "The limitation",
  "Implement logistic regression from scratch",
  "Visualize the decision boundary",
  "scikit-learn equivalent",
  "Vocabulary",
  "Next up: Chapter 9 — When models lie",
];

// Two of the lesson's listings as the lesson prints them (all six are compared with the lesson's text in
// apps/web/src/content/cats-or-dogs.listings.test.ts); here: the page keeps every character and indent.
const LOSS_PLOT = `plt.plot(loss_history)
plt.xlabel('Iteration')
plt.ylabel('Log loss')
plt.title('Training a logistic regression from scratch')
plt.show()`;
const GRADIENTS = `def compute_gradients(w, b, X, y):
    """Gradients of log loss."""
    N = len(y)
    y_hat = predict_proba(w, b, X)
    errors = y_hat - y
    dJ_dw = (X.T @ errors) / N    # vector
    dJ_db = errors.mean()         # scalar
    return dJ_dw, dJ_db`;

/** The page's console errors: visitors record no progress, so nothing may fail. */
function watchConsole(page: Page, label: string): () => string[] {
  const errors = watchAllConsole(page, label);
  return () => errors;
}

const widget = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });

/** A Stat is a label followed by its value; read the value next to a label inside one widget. */
const stat = (scope: ReturnType<typeof widget>, label: string) =>
  scope
    .locator(".ml-stat")
    .filter({ has: scope.page().getByText(label, { exact: true }) })
    .locator(".ml-stat-value");

test("the lesson shows every section, typeset formulas and the notebook's code", async ({ page }) => {
  const errors = watchConsole(page, "lesson");
  await page.goto(LESSON);
  await expect(page.getByRole("heading", { level: 1, name: "Cats or Dogs?" })).toBeVisible();
  for (const title of SECTION_TITLES) {
    await expect(page.getByRole("heading", { level: 2, name: title, exact: true })).toBeVisible();
  }
  // KaTeX rendered on the server (MathML is kept for screen readers).
  expect(await page.locator(".katex").count()).toBeGreaterThan(20);
  await expect(page.locator(".ml-code .hljs-keyword").first()).toBeVisible();
  const listings = page.locator(".ml-code pre");
  await expect(listings).toHaveCount(6);
  const texts = await listings.allTextContents();
  expect(texts[3]).toBe(LOSS_PLOT);
  expect(texts[2]).toContain(GRADIENTS);

  // The sigmoid explorer opens at z = 0, where σ(z) is exactly one half: not above it, so class 0.
  const sigmoid = widget(page, "Sigmoid explorer");
  await expect(stat(sigmoid, "σ(z)")).toHaveText("0.5000");
  await expect(sigmoid.getByText("σ(z) = 0.5, not above it: the model says cat (class 0)")).toBeVisible();
  const z = sigmoid.getByRole("slider", { name: "z", exact: true });
  await z.focus();
  for (let i = 0; i < 50; i++) await z.press("ArrowRight");
  await expect(stat(sigmoid, "σ(z)")).toHaveText("0.9933");
  await sigmoid.getByRole("button", { name: "−5" }).click();
  await expect(stat(sigmoid, "σ(z)")).toHaveText("0.0067");

  await screenshot(page, "lesson-desktop");
  expect(errors()).toEqual([]);
});

test("each plotting listing has our chart of the same data beside it, and printing ones their output", async ({
  page,
}) => {
  const errors = watchConsole(page, "listings");
  await page.goto(`${LESSON}#from-scratch`);
  for (const chart of [
    "Sigmoid: maps any z to (0, 1)",
    "The lesson's data",
    "Training a logistic regression from scratch",
    "The decision boundary the loop learned",
  ]) {
    await expect(page.locator(".ml-listing").getByRole("figure", { name: chart, exact: true })).toBeVisible();
  }
  const outputs = page.locator(".ml-code-output pre");
  await expect(outputs.first()).toHaveText(
    "Final w: [2.22331698 1.82337279]\nFinal b: -0.313\nFinal loss: 0.0073\nAccuracy: 1.000",
  );
  await expect(outputs.nth(1)).toContainText("sklearn accuracy: 1.0");
  const data = page.locator(".ml-listing").filter({ hasText: "# Generate some 2D classification data." });
  await data.scrollIntoViewIfNeeded();
  await screenshot(page, "lesson-listing-data", { of: data });
  const boundary = page.locator(".ml-listing").filter({ hasText: "# Plot data points." });
  await screenshot(page, "lesson-listing-boundary", { of: boundary });
  const lossPlot = page.locator(".ml-listing").filter({ hasText: "plt.plot(loss_history)" });
  await screenshot(page, "lesson-listing-loss", { of: lossPlot });
  await screenshot(page, "lesson-listing-sklearn", {
    of: page.locator(".ml-listing").filter({ hasText: "from sklearn.linear_model" }),
  });
  expect(errors()).toEqual([]);
});

test("MSE versus log loss says what the slopes say, including where they disagree", async ({ page }) => {
  const errors = watchConsole(page, "mse");
  await page.goto(`${LESSON}#widget-mse-vs-log-loss`);
  const mse = widget(page, "MSE versus log loss along one weight");
  await mse.getByRole("button", { name: "Near log loss's best" }).click();
  const readout = mse.locator(".ml-widget-readout");
  await expect(readout).toContainText("The slopes point opposite ways here");
  await expect(stat(mse, "MSE slope")).toHaveText("0.0002");
  await expect(stat(mse, "Log-loss slope")).toHaveText("−0.0005");
  await mse.scrollIntoViewIfNeeded();
  await screenshot(page, "lesson-mse-disagree", { of: mse });
  await mse.getByRole("button", { name: "Confidently wrong" }).click();
  await expect(readout).toContainText("The model is confidently wrong here");
  expect(errors()).toEqual([]);
});

test("training from scratch in the worker lands on the notebook's numbers", async ({ page }) => {
  const errors = watchConsole(page, "train");
  await page.goto(`${LESSON}#widget-train-from-scratch`);
  const trainer = widget(page, "Train from scratch");
  await trainer.getByRole("button", { name: "Train", exact: true }).click();
  await expect(stat(trainer, "Step (of 1000)")).toHaveText("1000");
  await expect(stat(trainer, "Log loss")).toHaveText("0.0073");
  await expect(stat(trainer, "w₁")).toHaveText("2.2233");
  await expect(stat(trainer, "w₂")).toHaveText("1.8234");
  await expect(stat(trainer, "b")).toHaveText("−0.3127");
  await expect(stat(trainer, "Accuracy")).toHaveText("100%");

  // scikit-learn's fit, computed in the same worker with its default L2 penalty.
  const comparison = trainer.getByRole("table", { name: "From scratch versus scikit-learn" });
  await expect(comparison.getByRole("row", { name: /w₁/ })).toContainText("1.6263");
  await expect(comparison.getByRole("row", { name: /w₂/ })).toContainText("1.3061");
  await expect(comparison.getByRole("row", { name: /^b/ })).toContainText("−0.3745");
  await trainer.scrollIntoViewIfNeeded();
  await screenshot(page, "lesson-trained");
  expect(errors()).toEqual([]);
});

test("large learning rates diverge on the cats and dogs in kg and cm, a sane one converges", async ({
  page,
}) => {
  const errors = watchConsole(page, "diverge");
  await page.goto(`${LESSON}#widget-train-from-scratch`);
  const trainer = widget(page, "Train from scratch");
  await trainer.getByRole("button", { name: "Cats and dogs in kg and cm (unscaled)" }).click();
  await expect(page).toHaveURL(/[?&]kgcm=1/);
  const rate = trainer.getByRole("slider", { name: "Learning rate" });
  await rate.focus();
  await rate.press("End"); // the top of the range: 3
  await expect(rate).toHaveAttribute("aria-valuetext", "3");
  await trainer.getByRole("button", { name: "Train", exact: true }).click();
  await expect(stat(trainer, "Step (of 1000)")).toHaveText("1000");
  const readout = trainer.locator(".ml-widget-readout");
  await expect(readout).toContainText("The loss rose above the 0.693 it started from, peaking at 17.");
  await trainer.scrollIntoViewIfNeeded();
  await screenshot(page, "lesson-diverging", { of: trainer });

  for (let i = 0; i < 4; i++) await rate.press("ArrowLeft"); // 3 → 1 → 0.3 → 0.1 → 0.03
  await expect(rate).toHaveAttribute("aria-valuetext", "0.03");
  await trainer.getByRole("button", { name: "Train again" }).click();
  await expect(readout).toHaveText("The loss fell at every step.");
  await screenshot(page, "lesson-converging", { of: trainer });
  expect(errors()).toEqual([]);
});

test("the boundary explorer keeps its state in the URL and a link can hide controls", async ({ page }) => {
  const errors = watchConsole(page, "boundary");
  await page.goto(LESSON);
  const explorer = widget(page, "Boundary explorer");
  const w1 = explorer.getByRole("slider", { name: "w₁" });
  await w1.focus();
  for (let i = 0; i < 10; i++) await w1.press("ArrowRight");
  await expect(w1).toHaveValue("1.5");
  await expect(page).toHaveURL(/[?&]w1=1\.5(&|$)/);

  await page.reload();
  await expect(widget(page, "Boundary explorer").getByRole("slider", { name: "w₁" })).toHaveValue("1.5");

  // A teacher's constrained exercise: only w₁ may move.
  await page.goto(`${LESSON}?w1=0&w2=1&b=0&hide=w2,b#widget-boundary-explorer`);
  const constrained = widget(page, "Boundary explorer");
  await expect(constrained.getByRole("slider", { name: "w₁", exact: true })).toBeVisible();
  await expect(constrained.getByRole("slider", { name: "w₂", exact: true })).toHaveCount(0);
  await expect(constrained.getByRole("slider", { name: "b", exact: true })).toHaveCount(0);
  await expect(constrained.getByText("Fixed for this exercise: w₂ = 1.0, b = 0.0")).toBeVisible();

  // Hostile values fall back to something sensible instead of breaking the page.
  await page.goto(`${LESSON}?w1=NaN&w2=1e999&b=-1e308`);
  const clamped = widget(page, "Boundary explorer");
  await expect(clamped.getByRole("slider", { name: "w₁", exact: true })).toHaveValue("0.5");
  await expect(clamped.getByRole("slider", { name: "w₂", exact: true })).toHaveValue("-1");
  await expect(clamped.getByRole("slider", { name: "b", exact: true })).toHaveValue("-10");

  // The share control builds the exercise link from the current state and the chosen hidden controls.
  await clamped.getByText("Hide controls").click();
  await clamped.getByRole("checkbox", { name: "Hide w₂" }).check();
  await clamped.getByRole("button", { name: "Copy link to this exercise" }).click();
  const link = await clamped.getByLabel("Exercise link").inputValue();
  const url = new URL(link);
  expect(Object.fromEntries(url.searchParams)).toEqual({ w1: "0.5", w2: "-1", b: "-10", hide: "w2" });
  expect(url.hash).toBe("#widget-boundary-explorer");
  expect(errors()).toEqual([]);
});

test("the ring defeats a straight line until the squared features arrive", async ({ page }) => {
  const errors = watchConsole(page, "ring");
  await page.goto(`${LESSON}#widget-ring-features`);
  const ring = widget(page, "When a line is not enough");
  await ring.getByRole("button", { name: "Train a straight line" }).click();
  await expect(stat(ring, "Accuracy")).not.toHaveText("—");
  const lineAccuracy = Number.parseInt((await stat(ring, "Accuracy").textContent()) ?? "", 10);
  expect(lineAccuracy).toBeLessThan(75);

  await ring.getByRole("button", { name: "Add x₁² and x₂²" }).click();
  await expect(ring.getByRole("button", { name: "Add x₁² and x₂²" })).toHaveAttribute("aria-pressed", "true");
  await ring.getByRole("button", { name: "Train with squares" }).click();
  await expect(stat(ring, "Accuracy")).toHaveText("100%");
  await expect(page).toHaveURL(/[?&]squares=1/);
  await ring.scrollIntoViewIfNeeded();
  await screenshot(page, "lesson-ring");
  expect(errors()).toEqual([]);
});

test("the lesson works on a 390 px phone", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const errors = watchConsole(page, "mobile");
  await page.goto(LESSON);
  await expect(page.getByRole("heading", { level: 1, name: "Cats or Dogs?" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const trainer = widget(page, "Train from scratch");
  await trainer.getByRole("button", { name: "Train", exact: true }).click();
  await expect(stat(trainer, "Log loss")).toHaveText("0.0073");
  await screenshot(page, "lesson-mobile");
  expect(errors()).toEqual([]);
  await context.close();
});

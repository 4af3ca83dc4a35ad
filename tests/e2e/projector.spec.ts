import { expect, type Page, test } from "@playwright/test";
import { createClass, joinAsStudent, screenshot, signUpTeacher } from "./support";

const PROJECTOR = { width: 1920, height: 1080 };

/** The page fits its viewport: a projector has no one to scroll it. */
async function expectNoScrollbars(page: Page) {
  const overflow = await page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
  expect(overflow).toEqual({ x: 0, y: 0 });
}

async function trainInChallenge(student: Page, options: { crosses?: string[]; rateSteps?: number } = {}) {
  await student.getByRole("link", { name: "Join the challenge" }).click();
  await expect(student.getByText("connected", { exact: false })).toBeVisible();
  for (const cross of options.crosses ?? []) await student.getByLabel(cross).check();
  const rate = student.getByLabel("Learning rate");
  await rate.focus();
  for (let i = 0; i < (options.rateSteps ?? 0); i += 1) await rate.press("ArrowLeft");
  await student.getByRole("button", { name: "Train" }).click();
  await expect(student.getByRole("button", { name: "Train" })).toBeEnabled({ timeout: 30_000 });
  await expect(student.getByText(/^\d+%$/)).toBeVisible();
}

test("a race on the projector: join screen, live boundaries (one curved) with the top board and countdown, then the podium", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  const { page: teacher } = await signUpTeacher(browser, errors);
  const code = await createClass(teacher, "Year 12 · Projector");
  await teacher.getByRole("link", { name: "New challenge" }).click();
  // From the Warm-up preset (balanced classes, standardising allowed) to a ring with little noise.
  await teacher.getByRole("radio", { name: /^Warm-up/ }).check();
  await teacher.getByLabel("Data set").selectOption("circles");
  const noise = teacher.getByLabel("Overlap (noise)");
  await noise.focus();
  await noise.press("Home");
  for (let i = 0; i < 2; i += 1) await noise.press("ArrowRight");
  await teacher.getByLabel("Challenge title").fill("Ring around a disc");
  await teacher.getByLabel("Feature crosses (x₁², x₂², x₁x₂): curved boundaries").check();
  await teacher.getByRole("button", { name: "Create challenge" }).click();
  await expect(teacher.getByRole("heading", { name: "Ring around a disc" })).toBeVisible();

  // The dashboard links to the projector view, which opens on its own screen.
  const projectorLink = teacher.getByRole("link", { name: "Projector view (opens in a new window)" });
  const href = (await projectorLink.getAttribute("href")) ?? "";
  expect(href).toMatch(/\/projector$/);
  const projector = await teacher.context().newPage();
  await projector.setViewportSize(PROJECTOR);
  projector.on("pageerror", (error) => errors.push(`projector: ${error.message}`));
  projector.on("console", (message) => {
    if (message.type() === "error") errors.push(`projector: ${message.text()}`);
  });
  await projector.goto(href);

  // Before the start: the join code and QR, large.
  const join = projector.getByRole("region", { name: "Join the challenge" });
  await expect(join.getByText(code, { exact: true })).toBeVisible();
  const qr = join.getByRole("img", { name: /^QR code for http:\/\/.+\/\?code=/ });
  await expect(qr).toBeVisible();
  expect((await qr.boundingBox())?.width ?? 0).toBeGreaterThan(300);
  await expect(projector.getByRole("timer")).toContainText("10:00");
  await expect(projector.getByRole("button", { name: "Full screen" })).toBeVisible();
  await expectNoScrollbars(projector);
  await screenshot(projector, "projector-1-before");

  await teacher.getByRole("button", { name: "Start" }).click();
  // The projector hears the start from the realtime service (or its next poll) and shows the race.
  await expect(projector.getByRole("heading", { name: /^Top 10/ })).toBeVisible();
  await expect(projector.getByRole("timer")).toContainText(/^Time left(9:5\d|10:00)$/);

  const players: [string, { crosses?: string[]; rateSteps?: number }][] = [
    ["Ada", { rateSteps: 0 }],
    ["Alan", { rateSteps: 2 }],
    ["Mei", { crosses: ["x1 squared", "x2 squared"] }],
  ];
  const pages: Page[] = [];
  for (const [nickname, options] of players) {
    const { page } = await joinAsStudent(browser, code, nickname, errors);
    await trainInChallenge(page, options);
    pages.push(page);
  }
  // Lin joins the race but never trains: on the board without a score, and off the podium.
  const { page: lin } = await joinAsStudent(browser, code, "Lin", errors);
  await lin.getByRole("link", { name: "Join the challenge" }).click();
  await expect(lin.getByText("connected", { exact: false })).toBeVisible();
  // Mei's circle separates the ring: her public accuracy (scored by the server) says so.
  const mei = pages[2] as Page;
  const accuracy = Number((await mei.getByText(/^\d+%$/).textContent())?.replace("%", ""));
  expect(accuracy).toBeGreaterThanOrEqual(95);
  await expect(mei.getByText("z = w₁x₁ + w₂x₂ + w₃x₁² + w₄x₂² + b")).toBeVisible();
  await screenshot(mei, "projector-student-crosses");

  // During the race: every boundary on the chart, Mei's as a curve in x₁², x₂²; the top board; the clock.
  const chart = projector.getByRole("img", { name: /^Training data with every student's boundary/ });
  await expect(chart).toHaveAccessibleName(/3 decision boundaries/);
  await expect(projector.locator("figcaption")).toContainText(
    /Mei: public log loss \d\.\d{4}; .*·x₁² \+ .*·x₂²/,
  );
  const board = projector.getByRole("list", { name: "Top 10 by public log loss" });
  await expect(board.getByRole("listitem")).toHaveCount(4);
  await expect(board.getByRole("listitem").first()).toContainText("Mei, using x₁² x₂²");
  await expect(board.getByRole("listitem").last()).toContainText("Lin—");
  await expect(projector.getByRole("region", { name: "Join the challenge" })).toBeVisible();
  await expectNoScrollbars(projector);
  await screenshot(projector, "projector-2-during");

  // Names can be hidden on the projector itself: the server then sends aliases only.
  const hide = projector.getByRole("button", { name: "Hide names" });
  await hide.click();
  await expect(hide).toHaveAttribute("aria-pressed", "true");
  await expect(board).not.toContainText("Mei");
  await expect(board.getByRole("listitem").first()).toContainText(/^1Student \d/);
  await expect(chart).toHaveAccessibleName(/3 decision boundaries/);
  await expect(projector.locator("figcaption")).not.toContainText("Mei");
  await hide.click();
  await expect(board.getByRole("listitem").first()).toContainText("Mei");

  // A smaller projector keeps everything on one screen.
  await projector.setViewportSize({ width: 1280, height: 720 });
  await expectNoScrollbars(projector);
  await screenshot(projector, "projector-2-during-1280");
  await projector.setViewportSize(PROJECTOR);

  // The end: the QR goes, the podium reveals the private board one place at a time.
  await teacher.getByRole("button", { name: "End and reveal" }).click();
  const podium = projector.getByRole("list", { name: "Podium" });
  await expect(podium).toBeVisible();
  await expect(projector.getByRole("region", { name: "Join the challenge" })).toHaveCount(0);
  await expect(projector.getByRole("img", { name: /^QR code/ })).toHaveCount(0);
  await expect(projector.getByRole("timer")).toContainText("Time's up");
  await expect(podium.getByRole("listitem", { name: /not revealed yet/ })).toHaveCount(3);
  await projector.getByRole("button", { name: "Reveal third place" }).click();
  await expect(podium.getByRole("listitem", { name: /not revealed yet/ })).toHaveCount(2);
  // A presentation clicker (→) works as well as the button.
  await projector.keyboard.press("ArrowRight");
  await expect(podium.getByRole("listitem", { name: /not revealed yet/ })).toHaveCount(1);
  await projector.getByRole("button", { name: "Reveal the winner" }).click();
  const winner = podium.getByRole("listitem", { name: /^the winner: / });
  await expect(winner).toHaveAccessibleName(
    /^the winner: Mei, private log loss \d\.\d{4}, \d\.\d{4} above the best possible model, (up \d|down \d|no change) from the public board\.$/,
  );
  // The yardstick: the best model of the family the class could build (here with the crosses).
  await expect(
    projector.getByText(/^The best possible model scores \d\.\d{4} on the private points/),
  ).toHaveText(/(\.|: a curve in the allowed features separates them perfectly\.)$/);
  await expect(projector.getByRole("list", { name: "The rest of the final board" })).toHaveCount(0);
  await projector.getByRole("button", { name: "Reveal the rest" }).click();
  await expect(projector.getByText("No model: Lin")).toBeVisible();
  await expect(projector.getByRole("button", { name: /^Reveal/ })).toHaveCount(0);
  await expectNoScrollbars(projector);
  await screenshot(projector, "projector-3-podium");
  expect(errors).toEqual([]);
});

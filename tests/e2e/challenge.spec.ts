import { expect, type Page, test } from "@playwright/test";
import { createClass, joinAsStudent, screenshot, signUpTeacher } from "./support";

async function enterChallenge(student: Page) {
  await student.getByRole("link", { name: "Join the challenge" }).click();
  await expect(student.getByText("connected", { exact: false })).toBeVisible();
  await expect(student.getByRole("button", { name: "Train" })).toBeEnabled();
}

async function trainWithRate(student: Page, stepsLeft: number) {
  const rate = student.getByLabel("Learning rate");
  await rate.focus();
  for (let i = 0; i < stepsLeft; i += 1) await rate.press("ArrowLeft");
  await student.getByRole("button", { name: "Train" }).click();
  await expect(student.getByRole("button", { name: "Train" })).toBeEnabled({ timeout: 30_000 });
  await expect(student.getByText(/^\d\.\d{4}$/).first()).toBeVisible();
}

test("a live challenge: three students race, the teacher sees them ranked by the server, the end reveals the private board", async ({
  browser,
}) => {
  const errors: string[] = [];
  const { page: teacher } = await signUpTeacher(browser, errors);
  const code = await createClass(teacher, "Year 12 · Challenge");
  await teacher.getByRole("link", { name: "New challenge" }).click();
  // The form starts from the "Overlapping" preset (a minority of dogs) and previews its exact training data.
  await expect(teacher.getByRole("radio", { name: /^Overlapping/ })).toBeChecked();
  await expect(teacher.getByText("130 cats and 70 dogs.", { exact: true })).toBeVisible();
  // A preset sets the data and the controls together; the knobs then change them before anyone joins.
  await teacher.getByRole("radio", { name: /^Warm-up/ }).check();
  await expect(teacher.getByText("Using “Warm-up”.")).toBeVisible();
  const preview = teacher.getByRole("img", {
    name: /^Preview of the challenge's training data: 100 cats and 100 dogs/,
  });
  await expect(preview).toBeVisible();
  const balance = teacher.getByLabel("Share of dogs (class balance)");
  await balance.focus();
  await balance.press("ArrowLeft");
  await expect(teacher.getByText("110 cats and 90 dogs.", { exact: true })).toBeVisible();
  const flips = teacher.getByLabel("Flipped labels (training points)");
  await flips.focus();
  for (let i = 0; i < 5; i += 1) await flips.press("ArrowRight");
  await expect(teacher.getByText(/^\d+ cats and \d+ dogs, 5% of labels flipped\.$/)).toBeVisible();
  await expect(teacher.getByText("Your own settings (no preset matches them).")).toBeVisible();
  await teacher.getByLabel("Training points", { exact: true }).fill("5");
  await expect(teacher.getByText("Training points must be a whole number from 10 to 2 000.")).toBeVisible();
  await teacher.getByLabel("Training points", { exact: true }).fill("200");
  await teacher.getByLabel("L2 strength").check();
  await teacher.getByLabel("Drag the boundary by hand").check();
  await screenshot(teacher, "challenge-new");
  await teacher.getByRole("button", { name: "Create challenge" }).click();
  await expect(teacher.getByRole("heading", { name: "Cats or dogs: lowest log loss wins" })).toBeVisible();
  await expect(teacher.getByRole("img", { name: /^QR code for http:\/\/.+\/\?code=/ })).toBeVisible();
  // The projector says what makes this data hard.
  await expect(
    teacher.getByText("Cats vs dogs · overlap 0.60 · 45% dogs · 5% of training labels flipped"),
  ).toBeVisible();
  await teacher.getByRole("button", { name: "Start" }).click();
  await expect(teacher.getByText("live", { exact: true })).toBeVisible();
  await expect(teacher.getByText(/^(9:5\d|10:00) left$/)).toBeVisible();
  await teacher.getByRole("button", { name: "+5 min" }).click();
  await expect(teacher.getByText(/^1[45]:\d\d left$/)).toBeVisible();

  const players = [];
  for (const [nickname, stepsLeft] of [
    ["Ada", 0],
    ["Alan", 2],
    ["Grace", 4],
  ] as const) {
    const { page } = await joinAsStudent(browser, code, nickname, errors);
    await enterChallenge(page);
    await trainWithRate(page, stepsLeft);
    players.push(page);
  }
  // Grace also sets her boundary by hand: it is scored like a trained one.
  const grace = players[2] as Page;
  const byHand = grace.getByRole("region", { name: "By hand" });
  await byHand.getByLabel("b").focus();
  await byHand.getByLabel("b").press("PageUp");
  await expect(grace.getByText("Too many updates")).toHaveCount(0);
  await expect(grace.locator(".ml-field-error")).toHaveCount(0);
  // Ada picks her model for the private board (Kaggle's rule: up to two picks).
  const adaPage = players[0] as Page;
  await adaPage.getByRole("button", { name: "Pick my current model" }).click();
  await expect(adaPage.getByText(/^Pick 1: public loss \d\.\d{4}$/)).toBeVisible();
  await screenshot(adaPage, "challenge-student");

  await expect(teacher.getByRole("img", { name: /3 decision boundaries/ })).toBeVisible();
  const board = teacher.getByRole("table", { name: "Challenge leaderboard" });
  await expect(board.getByRole("row")).toHaveCount(4);
  const losses = async () =>
    (await board.getByRole("row").allInnerTexts())
      .slice(1)
      .map((row) => Number(row.split(/\s+/).find((cell) => /^\d\.\d{4}$/.test(cell))));
  await expect.poll(async () => (await losses()).every(Number.isFinite)).toBe(true);
  const ranked = await losses();
  expect([...ranked].sort((a, b) => a - b)).toEqual(ranked);
  // A card per student: trend, steps, settings (Ada trains at 0.1, Alan at 0.01; Grace set hers by hand).
  const cards = teacher.getByRole("list", { name: "Students" });
  await expect(cards.getByRole("listitem")).toHaveCount(3);
  await expect(cards.getByRole("button", { name: /^Ada/ })).toContainText("learning rate 0.1 ·");
  await expect(cards.getByRole("button", { name: /^Ada/ })).toContainText("step 500 of 500");
  await expect(cards.getByRole("button", { name: /^Alan/ })).toContainText("learning rate 0.01 ·");
  await expect(cards.getByRole("button", { name: /^Grace/ })).toContainText("boundary set by hand");

  // Pointing at a boundary names its student, with their figures.
  const chart = teacher.getByRole("img", { name: /^Training data with every student's boundary/ });
  const frame = await chart.boundingBox();
  const tooltip = teacher.getByRole("tooltip");
  if (!frame) throw new Error("the dashboard chart has no box");
  sweep: for (let row = 1; row < 30; row += 1) {
    for (let col = 1; col < 40; col += 1) {
      await teacher.mouse.move(frame.x + (frame.width * col) / 40, frame.y + (frame.height * row) / 30);
      if (await tooltip.isVisible()) break sweep;
    }
  }
  await expect(tooltip).toContainText(/^(Ada|Alan|Grace)public log loss \d\.\d{4}/);
  await screenshot(teacher, "challenge-teacher-live");
  await teacher.mouse.move(0, 0);

  // Spotlight one student; then hide names for the projector.
  await board.getByRole("button", { name: /Grace/ }).click();
  await expect(board.getByRole("button", { name: /Grace/ })).toHaveAttribute("aria-pressed", "true");
  // Hidden names are hidden by the server: aliases in join order, on the board and on the cards.
  await teacher.getByLabel("Hide names on the projector").check();
  await expect(board).not.toContainText("Ada");
  await expect(board).toContainText("Student 1");
  await expect(cards).not.toContainText("Grace");
  await expect(cards.getByRole("listitem")).toHaveCount(3);
  await screenshot(teacher, "challenge-teacher-hidden-names");
  await teacher.getByLabel("Hide names on the projector").uncheck();
  await expect(board).toContainText("Ada");

  // A reload keeps the student's identity and place.
  const ada = players[0] as Page;
  await ada.reload();
  await expect(ada.getByText("Challenge · Ada")).toBeVisible();
  await expect(ada.getByText(/of 3$/)).toBeVisible();

  await teacher.getByRole("button", { name: "End and reveal" }).click();
  const final = teacher.getByRole("table", { name: "Final leaderboard" });
  await expect(final.getByRole("row")).toHaveCount(4);
  await expect(final).toContainText("Private loss");
  // The yardstick: the best any line could do on the private points, and each student's gap to it.
  await expect(
    teacher.getByText(
      /^The best possible model scores \d\.\d{4} on the private points(\.|: a straight line)/,
    ),
  ).toBeVisible();
  await expect(final.getByRole("row", { name: /Ada/ })).toContainText(/\+\d\.\d{4}/);
  await expect(final.getByRole("row", { name: /Ada/ })).toContainText("picked");
  await expect(final.getByRole("row", { name: /Alan/ })).toContainText("best public");
  // The replay scrubs through the race.
  const replay = teacher.getByRole("region", { name: "Replay" });
  const scrubber = replay.getByLabel("Time into the race");
  await expect(scrubber).toBeVisible();
  await scrubber.focus();
  await scrubber.press("Home");
  await expect(replay.getByRole("img", { name: /The race 0 s in/ })).toBeVisible();
  await screenshot(teacher, "challenge-teacher-final");
  await expect(ada.getByText("The challenge has ended.", { exact: false })).toBeVisible();

  // The class's history ranks the challenge exactly as the reveal did.
  const names = async (rows: string[]) => rows.slice(1).map((row) => row.match(/Ada|Alan|Grace/)?.[0]);
  const revealed = await names(await final.getByRole("row").allInnerTexts());
  await teacher.goto(`/teach/${code}/history`);
  const history = teacher.getByRole("table", { name: "Results of Cats or dogs: lowest log loss wins" });
  await expect(history.getByRole("row")).toHaveCount(4);
  expect(await names(await history.getByRole("row").allInnerTexts())).toEqual(revealed);
  await expect(
    teacher.getByText(/The best possible model scores \d\.\d{4} on the private points\./),
  ).toBeVisible();
  await screenshot(teacher, "challenge-history");
  expect(errors).toEqual([]);
});

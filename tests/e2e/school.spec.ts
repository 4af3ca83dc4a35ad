import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import {
  acceptInvite,
  answerNumeric,
  answerOwnSigmoid,
  createClass,
  createInviteLink,
  joinAsStudent,
  screenshot,
  signUpTeacher,
} from "./support";

// Commas, quotes and non-ASCII letters: the CSVs must give them back unchanged.
const CLASS_NAME = 'Year 9, "Cats" – Zoë\'s set';

async function downloadCsv(page: Page, link: string): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: link }).click(),
  ]);
  const bytes = readFileSync((await download.path()) ?? "");
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
  return parse(bytes.toString("utf8"), { bom: true, columns: true });
}

test("an admin invites a teacher; two students progress; the teacher's grid, the school overview and both CSVs agree", async ({
  browser,
}) => {
  const errors: string[] = [];
  const { page: admin } = await signUpTeacher(browser, errors);

  // The admin creates a single-use invite link on the school page.
  const inviteLink = await createInviteLink(admin);
  expect(inviteLink).toMatch(/\/invite\/[\w-]{43}$/);
  await screenshot(admin, "school-admin-invite");

  // The invited teacher accepts in a fresh context and lands on their classes.
  const okafor = { name: "Mr Okafor", email: `okafor-${Date.now()}@school.test` };
  const teacher = await acceptInvite(browser, inviteLink, okafor, errors, "school-invite-accept");
  await expect(teacher.getByRole("link", { name: "School overview" })).toHaveCount(0);
  const code = await createClass(teacher, CLASS_NAME);

  // The link works once: a second visit is refused with a clear message.
  const again = await (await browser.newContext()).newPage();
  await again.goto(inviteLink);
  await expect(again.getByRole("alert").filter({ hasText: /invite/ })).toHaveText(
    "This invite has already been used. Ask your school admin for a new one.",
  );
  await again.context().close();

  // Two students: Zoë masters the sigmoid objective, Bob answers one question wrong.
  const { page: zoe } = await joinAsStudent(browser, code, "Zoë", errors);
  const { page: bob } = await joinAsStudent(browser, code, "Bob", errors);
  for (const student of [zoe, bob]) {
    await student.getByRole("link", { name: "Open the lesson" }).click();
    await expect(student.getByRole("heading", { level: 1 })).toContainText("Cats or Dogs?");
  }
  // Right at the first try, one of them with her own numbers: the evidence mastery needs.
  await answerNumeric(zoe, /What is σ \( 0 \) \?/, "0.5");
  await answerOwnSigmoid(zoe);
  await answerNumeric(bob, /What is σ \( 0 \) \?/, "1");

  // The teacher's grid.
  await teacher.reload();
  const grid = teacher.getByRole("table", { name: "Lesson progress" });
  const zoeRow = grid.getByRole("row", { name: /Zoë/ });
  const bobRow = grid.getByRole("row", { name: /Bob/ });
  await expect(zoeRow).toContainText("Mastered");
  await expect(zoeRow).toContainText("1 of 5");
  await expect(zoeRow).toContainText("2/2 (100%)");
  await expect(bobRow).toContainText("Practising");
  await expect(bobRow).toContainText("0/1 (0%)");
  await teacher.getByLabel("Sort by").selectOption({ label: "Quiz score" });
  await expect(grid.getByRole("row").nth(1)).toContainText("Zoë");
  await teacher.getByLabel("Show").selectOption({ label: "Nothing mastered yet" });
  await expect(grid.getByRole("row")).toHaveCount(2);
  await expect(grid.getByRole("row").nth(1)).toContainText("Bob");
  await teacher.getByLabel("Show").selectOption({ label: "Everyone" });
  await grid.getByRole("button", { name: "Zoë" }).click();
  const timeline = teacher.getByRole("region", { name: "Student timeline" });
  await expect(timeline).toContainText("Zoë's timeline");
  await expect(timeline).toContainText("Mastered sigmoid");
  await expect(timeline).toContainText("Joined the class");
  await screenshot(teacher, "school-teacher-grid");

  const progressRows = await downloadCsv(teacher, "Download progress CSV");
  expect(progressRows).toHaveLength(2);
  const zoeCsv = progressRows.find((row) => row.Student === "Zoë");
  const bobCsv = progressRows.find((row) => row.Student === "Bob");
  expect(zoeCsv).toMatchObject({
    Sigmoid: "mastered",
    "Objectives mastered": "1",
    "Questions answered": "2",
    "Right first try": "2",
    "Quiz score %": "100",
  });
  expect(bobCsv).toMatchObject({
    Sigmoid: "practising",
    "Objectives mastered": "0",
    "Questions answered": "1",
    "Right first try": "0",
    "Quiz score %": "0",
  });

  // Roster, question insight and challenge history pages.
  await teacher.getByRole("link", { name: "Roster" }).click();
  const roster = teacher.getByRole("table", { name: "Roster" });
  await expect(roster.getByRole("row")).toHaveCount(3);
  await teacher.getByRole("button", { name: "Reset PIN for Bob" }).click();
  await expect(teacher.getByRole("status")).toContainText(/New PIN for Bob: \d{4}/);
  await screenshot(teacher, "school-roster");
  await teacher.getByRole("link", { name: "Question insight" }).click();
  const insight = teacher.getByRole("table", { name: "Question insight" });
  await expect(insight.getByRole("row", { name: /σ\(0\)/ })).toContainText("50%");
  await expect(insight.getByRole("row", { name: /σ\(0\)/ })).toContainText("“1” (1×)");
  await screenshot(teacher, "school-insights");
  await teacher.getByRole("link", { name: "Challenge history" }).click();
  await expect(teacher.getByText("No finished challenges yet.")).toBeVisible();

  // The admin's overview shows the same class and numbers.
  await admin.reload();
  const classes = admin.getByRole("table", { name: "School classes" });
  const classRow = classes.getByRole("row", { name: /Year 9/ });
  await expect(classRow).toContainText(CLASS_NAME);
  await expect(classRow).toContainText("Mr Okafor");
  await expect(classRow).toContainText("50% (50% practising)"); // sigmoid: 1 of 2 mastered, 1 of 2 practising
  await expect(admin.getByRole("img", { name: /Quiz answers per day/ })).toBeVisible();
  await expect(admin.getByRole("region", { name: "Staff" })).toContainText("Mr Okafor");
  await screenshot(admin, "school-admin-overview");
  const schoolRows = await downloadCsv(admin, "Download school CSV");
  expect(schoolRows).toHaveLength(1);
  expect(schoolRows[0]).toMatchObject({
    Class: CLASS_NAME,
    "Join code": code,
    Teacher: "Mr Okafor",
    Students: "2",
    "Sigmoid: mastered": "1",
    "Sigmoid: completed": "0",
    "Sigmoid: practising": "1",
    "Log loss: mastered": "0",
  });

  // The teacher has no school view; the CSV route refuses them too.
  const refused = await teacher.request.get("/api/export/school");
  expect(refused.status()).toBe(404);
  expect(errors).toEqual([]);
});

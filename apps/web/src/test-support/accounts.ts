import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { TestBrowser } from "./trpc-client";

/**
 * Accounts for router tests, made through the real procedures. Import this (like trpc-client) only after
 * the test has set DATABASE_URL and the secrets: the server reads them when first loaded.
 */
export const TEST_PASSWORD = "correct horse battery";
let counter = 0;
const next = () => ++counter;

/** A teacher who signed up (and so runs a new school), with their session. */
export async function signedUpTeacher() {
  const n = next();
  const browser = new TestBrowser();
  const email = `teacher${n}-${Date.now()}@school.test`;
  await browser.call((api) =>
    api.auth.signUp({
      displayName: `Teacher ${n}`,
      schoolName: `School ${n}`,
      email,
      password: TEST_PASSWORD,
    }),
  );
  return { browser, email };
}

export async function teacherWithClass(className = "Year 10") {
  const { browser, email } = await signedUpTeacher();
  const classroom = await browser.call((api) => api.classroom.create({ name: className }));
  return { browser, email, classroom, code: classroom.joinCode };
}

/** A student who joined the class with `code`, with their session and rejoin PIN. */
export async function joinedStudent(code: string, nickname = `Student${next()}`) {
  const browser = new TestBrowser();
  const joined = await browser.call((api) => api.student.join({ code, nickname }));
  return { browser, pin: joined.pin, nickname };
}

/** The TRPCError a call ends with (and a failed expectation if it succeeds or throws anything else). */
export async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

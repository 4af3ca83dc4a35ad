"use client";

const NICKNAME_KEY = "margin:nickname";
const STUDENT_ID_KEY = "margin:student-id";

/** A stable anonymous id per browser, so a reload keeps a student's place. */
export function studentId(): string {
  let id = localStorage.getItem(STUDENT_ID_KEY);
  if (!id) {
    id = crypto.randomUUID();
    localStorage.setItem(STUDENT_ID_KEY, id);
  }
  return id;
}

export function savedNickname(): string {
  return localStorage.getItem(NICKNAME_KEY) ?? "";
}

export function saveNickname(nickname: string): void {
  localStorage.setItem(NICKNAME_KEY, nickname);
}

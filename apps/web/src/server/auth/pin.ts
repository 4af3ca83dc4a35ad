import "server-only";
import { randomInt } from "node:crypto";

export const PIN_LENGTH = 4;

/** A short numeric PIN a student can write down; guessing is bounded by the rejoin rate limit. */
export function generatePin(): string {
  return String(randomInt(0, 10 ** PIN_LENGTH)).padStart(PIN_LENGTH, "0");
}

import { randomInt } from "node:crypto";

/** Upper-case letters and digits without look-alikes: no O/0, no I/1/L. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Case-insensitive and forgiving about surrounding spaces; `null` if it cannot be a join code. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
  return code;
}

import { z } from "zod";

/** A finite number: JSON can't carry NaN/Infinity, but a hand-crafted payload can try. */
const finite = z.number().finite();

/**
 * The two weights of a 2-feature model, plus its bias. Unknown keys are stripped, not refused: a client
 * that also sends its own "loss" is simply not believed.
 */
export const BoundarySchema = z.object({
  w: z.tuple([finite.min(-1e6).max(1e6), finite.min(-1e6).max(1e6)]),
  b: finite.min(-1e6).max(1e6),
  iteration: z.number().int().min(0).max(1_000_000),
});
export type Boundary = z.infer<typeof BoundarySchema>;

/** A student's latest boundary as the teacher sees it, scored by the server. */
export const StudentBoundarySchema = z.object({
  studentId: z.string(),
  nickname: z.string(),
  w: z.tuple([z.number(), z.number()]),
  b: z.number(),
  iteration: z.number(),
  /** Log loss computed by the realtime service on the class's data, never by the browser. */
  loss: z.number(),
  updatedAt: z.number(),
});
export type StudentBoundary = z.infer<typeof StudentBoundarySchema>;

export const NicknameSchema = z
  .string()
  .trim()
  .min(1, "Pick a nickname")
  .max(24, "Nicknames are at most 24 characters")
  .regex(/^[\p{L}\p{N} _.'-]+$/u, "Use letters, digits, spaces and . _ ' - only");

export const RealtimeClaimsSchema = z.discriminatedUnion("role", [
  z.object({
    role: z.literal("student"),
    classroomId: z.string().min(1).max(64),
    studentId: z.string().min(1).max(64),
    nickname: NicknameSchema,
    exp: z.number().int(),
  }),
  z.object({
    role: z.literal("teacher"),
    classroomId: z.string().min(1).max(64),
    exp: z.number().int(),
  }),
]);
export type RealtimeClaims = z.infer<typeof RealtimeClaimsSchema>;

/** What every acknowledgement looks like: the client always learns whether its command took. */
export type Ack<T = null> = { ok: true; data: T } | { ok: false; error: RealtimeError };

export interface RealtimeError {
  code: "INVALID_PAYLOAD" | "FORBIDDEN" | "RATE_LIMITED";
  message: string;
}

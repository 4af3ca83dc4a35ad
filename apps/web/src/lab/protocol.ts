import { z } from "zod";

/** The student's functions the page may ask the sandbox to call. */
export const LAB_FUNCTIONS = ["sigmoid", "predictProba", "logLoss", "computeGradients", "train"] as const;
export type LabFunction = (typeof LAB_FUNCTIONS)[number];

/** One call the page asks for: the worker returns the raw output, never a verdict. */
export interface LabCall {
  id: string;
  fn: LabFunction;
  args: unknown[];
}

/** What the page sends to a fresh sandbox, once. */
export interface SandboxRequest {
  nonce: string;
  code: string;
  calls: LabCall[];
}

/** Any JavaScript number, NaN and ±Infinity included (z.number() refuses those). */
const AnyNumber = z.custom<number>((value) => typeof value === "number");

/** A student's output after the worker flattened it: numbers, arrays, small plain objects, or a description. */
export type RawValue = number | boolean | string | null | RawValue[] | { [key: string]: RawValue };
export const RawValueSchema: z.ZodType<RawValue> = z.lazy(() =>
  z.union([
    AnyNumber,
    z.boolean(),
    z.string().max(200),
    z.null(),
    z.array(RawValueSchema).max(10_000),
    z.record(z.string().max(64), RawValueSchema),
  ]),
);

export const CallOutputSchema = z.discriminatedUnion("ok", [
  z.object({ id: z.string().max(64), ok: z.literal(true), value: RawValueSchema }),
  z.object({ id: z.string().max(64), ok: z.literal(false), error: z.string().max(500) }),
]);
export type CallOutput = z.infer<typeof CallOutputSchema>;

export const SandboxResponseSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("outputs"),
    nonce: z.string().max(64),
    outputs: z.array(CallOutputSchema).max(64),
  }),
  z.object({
    type: z.literal("error"),
    nonce: z.string().max(64),
    message: z.string().max(1000),
  }),
]);
export type SandboxResponse = z.infer<typeof SandboxResponseSchema>;

/**
 * Accepts a worker message only if it is well-formed, carries this run's nonce and answers exactly the
 * calls that were asked for (each once). Anything else — a `{ pass: true }`, another run's nonce,
 * extra or missing ids — is ignored.
 */
export function acceptSandboxMessage(data: unknown, request: SandboxRequest): SandboxResponse | null {
  const parsed = SandboxResponseSchema.safeParse(data);
  if (!parsed.success || parsed.data.nonce !== request.nonce) return null;
  if (parsed.data.type === "error") return parsed.data;
  const asked = request.calls.map((call) => call.id).sort();
  const answered = parsed.data.outputs.map((output) => output.id).sort();
  if (asked.length !== answered.length || asked.some((id, i) => id !== answered[i])) return null;
  return parsed.data;
}

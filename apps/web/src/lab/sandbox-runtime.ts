import { type CallOutput, LAB_FUNCTIONS, type LabCall, type LabFunction, type RawValue } from "./protocol";

type StudentFunctions = Partial<Record<LabFunction, unknown>>;

const MAX_ITEMS = 10_000;
const MAX_KEYS = 16;
const MAX_VALUES = 20_000;

/**
 * Turns whatever the student's function returned into plain data that survives postMessage and the
 * page's schema: numbers (NaN and ±Infinity kept), arrays (typed arrays copied), small plain objects,
 * or a short description in angle brackets ("<undefined>", "<function>"). At most `MAX_VALUES` values
 * in all, so a huge return value cannot stall the page.
 */
export function toRawValue(value: unknown, depth = 0, budget = { left: MAX_VALUES }): RawValue {
  budget.left -= 1;
  if (budget.left < 0) return "<too large>";
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value === null) return null;
  if (value === undefined) return "<undefined>";
  if (typeof value === "string") return value.length > 60 ? `${value.slice(0, 60)}…` : value;
  if (typeof value !== "object") return `<${typeof value}>`;
  if (depth > 3) return "<nested too deep>";
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const items = Array.from(value as unknown as ArrayLike<number>).slice(
      0,
      Math.min(MAX_ITEMS, budget.left),
    );
    budget.left -= items.length;
    return items.map(Number);
  }
  if (Array.isArray(value))
    return value.slice(0, MAX_ITEMS).map((item) => toRawValue(item, depth + 1, budget));
  if (typeof (value as { then?: unknown }).then === "function") return "<a Promise>";
  const out: Record<string, RawValue> = {};
  for (const key of Object.keys(value).slice(0, MAX_KEYS)) {
    out[key.slice(0, 64)] = toRawValue((value as Record<string, unknown>)[key], depth + 1, budget);
  }
  return out;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : `threw ${String(error)}`;
  return text.slice(0, 400);
}

/** Compiles the (already type-stripped) code and returns the lab's functions it defines. */
export function compileStudentCode(
  code: string,
  FunctionCtor: FunctionConstructor = Function,
): StudentFunctions {
  const exported = LAB_FUNCTIONS.map(
    (name) => `${name}: typeof ${name} === "undefined" ? undefined : ${name}`,
  );
  const body = `"use strict";\n${code}\n;return { ${exported.join(", ")} };`;
  return new FunctionCtor(body)() as StudentFunctions;
}

/** Calls each requested function with a private copy of its arguments and records the raw output. */
export function runCalls(functions: StudentFunctions, calls: readonly LabCall[]): CallOutput[] {
  return calls.map((call) => {
    const fn = functions[call.fn];
    if (typeof fn !== "function") {
      return { id: call.id, ok: false as const, error: `ReferenceError: ${call.fn} is not defined` };
    }
    try {
      const args = structuredClone(call.args);
      return { id: call.id, ok: true as const, value: toRawValue(fn(...args)) };
    } catch (error) {
      return { id: call.id, ok: false as const, error: describeError(error) };
    }
  });
}

export { describeError };

// @ts-check
// Loaded by Node as it is (Next copies it next to the server bundle; vitest runs the same file), so it is
// plain JavaScript, typed with JSDoc, and imports nothing but the two QuickJS packages.
import { parentPort } from "node:worker_threads";
import variant from "@jitl/quickjs-singlefile-mjs-release-sync";
import { newQuickJSWASMModuleFromVariant, shouldInterruptAfterDeadline } from "quickjs-emscripten-core";

/** @typedef {import("./quickjs-protocol").QuickJsJob} QuickJsJob */
/** @typedef {import("./quickjs-protocol").QuickJsReply} QuickJsReply */
/** @typedef {import("quickjs-emscripten-core").QuickJSContext} QuickJSContext */
/** @typedef {import("quickjs-emscripten-core").QuickJSHandle} QuickJSHandle */
/** @typedef {import("quickjs-emscripten-core").QuickJSWASMModule} QuickJSWASMModule */

/**
 * Evaluated inside the QuickJS context before the student's code exists. It returns the two entry points
 * the worker calls through handles (nothing is put on the global object) and captures every built-in it
 * uses first, so student code that rewrites `JSON` or `Array.prototype` changes only its own outputs —
 * which it controls anyway; the verdict is computed by the host.
 *
 * Return values are flattened exactly as the browser's sandbox does (`toRawValue` in
 * src/lab/sandbox-runtime.ts: same caps, same descriptions), then encoded as JSON with non-finite numbers
 * spelled `{"$number":"NaN"}`, because JSON has no NaN or Infinity; arguments arrive the same way.
 */
const PRELUDE = String.raw`(() => {
  "use strict";
  const FunctionCtor = Function;
  const parse = JSON.parse;
  const stringify = JSON.stringify;
  const isArray = Array.isArray;
  const isView = ArrayBuffer.isView;
  const objectKeys = Object.keys;
  const isFiniteNumber = Number.isFinite;
  const toStr = String;
  const DataViewCtor = DataView;
  const ErrorCtor = Error;
  const MAX_ITEMS = 10000;
  const MAX_KEYS = 16;
  const MAX_VALUES = 20000;
  const EXPORTED = ["sigmoid", "predictProba", "logLoss", "computeGradients", "train"];

  function slice(text, length) {
    let out = "";
    for (let i = 0; i < text.length && i < length; i++) out += text[i];
    return out;
  }

  function raw(value, depth, budget) {
    budget.left -= 1;
    if (budget.left < 0) return "<too large>";
    if (typeof value === "number") return isFiniteNumber(value) ? value : { $number: toStr(value) };
    if (typeof value === "boolean") return value;
    if (value === null) return null;
    if (value === undefined) return "<undefined>";
    if (typeof value === "string") return value.length > 60 ? slice(value, 60) + "…" : value;
    if (typeof value !== "object") return "<" + typeof value + ">";
    if (depth > 3) return "<nested too deep>";
    if (isView(value) && !(value instanceof DataViewCtor)) {
      const out = [];
      const n = value.length;
      for (let i = 0; i < n && i < MAX_ITEMS && budget.left > 0; i++) {
        budget.left -= 1;
        const item = +value[i];
        out[i] = isFiniteNumber(item) ? item : { $number: toStr(item) };
      }
      return out;
    }
    if (isArray(value)) {
      const out = [];
      const n = value.length;
      for (let i = 0; i < n && i < MAX_ITEMS; i++) out[i] = raw(value[i], depth + 1, budget);
      return out;
    }
    if (typeof value.then === "function") return "<a Promise>";
    const out = {};
    const keys = objectKeys(value);
    for (let i = 0; i < keys.length && i < MAX_KEYS; i++) {
      const key = keys[i];
      out[slice(key, 64)] = raw(value[key], depth + 1, budget);
    }
    return out;
  }

  function revive(_key, value) {
    if (value !== null && typeof value === "object" && !isArray(value) && typeof value.$number === "string") {
      return +value.$number;
    }
    return value;
  }

  function describe(error) {
    let text;
    try {
      text = error instanceof ErrorCtor ? error.name + ": " + error.message : "threw " + toStr(error);
    } catch (_) {
      text = "threw a value that cannot be described";
    }
    return slice(text, 400);
  }

  let student = null;
  return {
    compile(code) {
      const exported = [];
      for (let i = 0; i < EXPORTED.length; i++) {
        const name = EXPORTED[i];
        exported[i] = name + ": typeof " + name + ' === "undefined" ? undefined : ' + name;
      }
      const body = '"use strict";\n' + code + "\n;return { " + exported.join(", ") + " };";
      student = new FunctionCtor(body)();
    },
    call(fn, argsJson) {
      const f = student === null ? undefined : student[fn];
      if (typeof f !== "function") return stringify({ ok: false, error: "ReferenceError: " + fn + " is not defined" });
      let value;
      try {
        value = raw(f(...parse(argsJson, revive)), 0, { left: MAX_VALUES });
      } catch (error) {
        return stringify({ ok: false, error: describe(error) });
      }
      return stringify({ ok: true, value: value });
    },
    describe: describe,
  };
})()`;

/** A call's JSON answer longer than this is refused (the prelude caps values well below it). */
const MAX_ANSWER_CHARS = 2_000_000;

class Stop extends Error {
  /** @param {QuickJsReply} reply */
  constructor(reply) {
    super(reply.type);
    this.reply = reply;
  }
}

/**
 * @param {QuickJsJob} job
 * @param {QuickJSWASMModule} QuickJS
 * @returns {QuickJsReply}
 */
function run(job, QuickJS) {
  const runtime = QuickJS.newRuntime();
  runtime.setMemoryLimit(job.memoryLimitBytes);
  runtime.setMaxStackSize(512 * 1024);
  const deadline = Date.now() + job.timeLimitMs;
  runtime.setInterruptHandler(shouldInterruptAfterDeadline(deadline));
  const vm = runtime.newContext();
  /** @type {QuickJSHandle[]} */
  const handles = [];
  try {
    const api = unwrap(vm, vm.evalCode(PRELUDE, "prelude.js"), deadline, job);
    const compile = vm.getProp(api, "compile");
    const call = vm.getProp(api, "call");
    const describe = vm.getProp(api, "describe");
    handles.push(api, compile, call, describe);
    const code = vm.newString(job.code);
    const compiled = vm.callFunction(compile, vm.undefined, code);
    code.dispose();
    if (compiled.error) {
      return { type: "error", message: failure(vm, describe, compiled.error, deadline, job) };
    }
    compiled.value.dispose();
    /** @type {unknown[]} */
    const outputs = [];
    for (const request of job.calls) {
      const fn = vm.newString(request.fn);
      const args = vm.newString(encodeArgs(request.args));
      const answer = vm.callFunction(call, vm.undefined, fn, args);
      fn.dispose();
      args.dispose();
      if (answer.error) {
        outputs.push({
          id: request.id,
          ok: false,
          error: failure(vm, describe, answer.error, deadline, job),
        });
        continue;
      }
      const text = vm.typeof(answer.value) === "string" ? vm.getString(answer.value) : "";
      answer.value.dispose();
      outputs.push({ id: request.id, ...decode(text) });
    }
    return { type: "outputs", outputs };
  } catch (error) {
    if (error instanceof Stop) return error.reply;
    throw error;
  } finally {
    try {
      for (const handle of handles) handle.dispose();
      vm.dispose();
      runtime.dispose();
    } catch {
      // A context stopped mid-call can leak handles; the worker exits right after anyway.
    }
  }
}

/**
 * @param {string} message
 * @param {number} deadline
 * @param {QuickJsJob} job
 * @returns {QuickJsReply | null}
 */
function limitReply(message, deadline, job) {
  // A builtin that allocates in C (Array.prototype.fill, say) can run past the deadline into the heap limit.
  if (/out of memory/i.test(message)) return { type: "memory", limitBytes: job.memoryLimitBytes };
  if (Date.now() >= deadline || /interrupted/i.test(message)) {
    return { type: "timeout", limitMs: job.timeLimitMs };
  }
  return null;
}

/**
 * @param {QuickJSContext} vm
 * @param {ReturnType<QuickJSContext["evalCode"]>} result
 * @param {number} deadline
 * @param {QuickJsJob} job
 * @returns {QuickJSHandle}
 */
function unwrap(vm, result, deadline, job) {
  if (!result.error) return result.value;
  const dumped = vm.dump(result.error);
  result.error.dispose();
  throw new Stop(limitReply(String(dumped?.message ?? dumped), deadline, job) ?? { type: "crash" });
}

/**
 * The student's error as text; a time or memory limit stops the whole run instead.
 * @param {QuickJSContext} vm
 * @param {QuickJSHandle} describe
 * @param {QuickJSHandle} error
 * @param {number} deadline
 * @param {QuickJsJob} job
 * @returns {string}
 */
function failure(vm, describe, error, deadline, job) {
  const described = vm.callFunction(describe, vm.undefined, error);
  error.dispose();
  const message = described.error ? "threw a value that cannot be described" : vm.getString(described.value);
  (described.error ?? described.value).dispose();
  const limit = limitReply(message, deadline, job);
  if (limit) throw new Stop(limit);
  return message;
}

/**
 * JSON with NaN and ±Infinity spelled `{"$number": "…"}` (the saturation check sends ±Infinity).
 * @param {unknown[]} args
 */
function encodeArgs(args) {
  return JSON.stringify(args, (_key, value) =>
    typeof value === "number" && !Number.isFinite(value) ? { $number: String(value) } : value,
  );
}

/**
 * @param {string} text
 * @returns {{ ok: true; value: unknown } | { ok: false; error: string }}
 */
function decode(text) {
  if (text.length === 0 || text.length > MAX_ANSWER_CHARS) {
    return { ok: false, error: "RangeError: the value returned is too large" };
  }
  try {
    const parsed = JSON.parse(text, (_key, value) =>
      value &&
      typeof value === "object" &&
      !Array.isArray(value) &&
      typeof value.$number === "string" &&
      Object.keys(value).length === 1
        ? Number(value.$number)
        : value,
    );
    return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, error: String(parsed.error) };
  } catch {
    return { ok: false, error: "TypeError: the value returned could not be read" };
  }
}

const port = parentPort;
if (!port) throw new Error("quickjs.worker must run in a worker thread");
port.once("message", async (/** @type {QuickJsJob} */ job) => {
  /** @type {QuickJsReply} */
  let reply;
  try {
    reply = run(job, await newQuickJSWASMModuleFromVariant(variant));
  } catch (error) {
    reply = { type: "crash", message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});

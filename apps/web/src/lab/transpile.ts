import type { LabLanguage } from "@margin/db";
import { transform } from "sucrase";

export type TranspileResult = { ok: true; code: string } | { ok: false; message: string };

/**
 * Strips TypeScript's types (no type checking) and refuses `import`: the sandbox has no network, and
 * dynamic import() is the one way out of it that cannot be deleted from the worker's globals.
 */
export function prepareCode(source: string, language: LabLanguage): TranspileResult {
  let code = source;
  if (language === "typescript") {
    try {
      code = transform(source, { transforms: ["typescript"], disableESTransforms: true }).code;
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }
  if (/\bimport\b/.test(code)) {
    return { ok: false, message: "import is not available in the lab: everything you need is in this file." };
  }
  if (/\bexport\b/.test(code)) {
    return { ok: false, message: "No export needed: define the functions at the top level." };
  }
  return { ok: true, code };
}

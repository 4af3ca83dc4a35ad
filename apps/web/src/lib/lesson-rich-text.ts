/** A piece of running text: plain, inline math (TeX), bold or code. */
export type RichSegment =
  | { kind: "text"; text: string }
  | { kind: "math"; tex: string }
  | { kind: "bold"; text: string }
  | { kind: "code"; text: string };

// Math first so a "*" or "`" inside a formula is never mistaken for markup; "\$" stays a literal dollar.
const TOKEN = /\$((?:\\\$|[^$])+)\$|\*\*([^*]+)\*\*|`([^`]+)`/g;

/**
 * Splits lesson text into segments: `$…$` inline math, `**…**` bold, `` `…` `` code. Deliberately tiny:
 * lesson authors need formulas and emphasis, not a Markdown dialect. Unclosed markers stay literal text.
 */
export function parseRichText(source: string): RichSegment[] {
  const segments: RichSegment[] = [];
  let last = 0;
  for (const match of source.matchAll(TOKEN)) {
    const start = match.index ?? 0;
    if (start > last) segments.push({ kind: "text", text: source.slice(last, start) });
    if (match[1] !== undefined) segments.push({ kind: "math", tex: match[1] });
    else if (match[2] !== undefined) segments.push({ kind: "bold", text: match[2] });
    else if (match[3] !== undefined) segments.push({ kind: "code", text: match[3] });
    last = start + match[0].length;
  }
  if (last < source.length) segments.push({ kind: "text", text: source.slice(last) });
  return segments;
}

/** The text a screen reader or search index should get when formulas cannot be typeset (e.g. aria-labels). */
export function plainText(source: string): string {
  return parseRichText(source)
    .map((segment) => (segment.kind === "math" ? segment.tex : segment.text))
    .join("");
}

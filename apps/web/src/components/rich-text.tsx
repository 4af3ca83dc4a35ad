import katex from "katex";
import { parseRichText } from "~/lib/lesson-rich-text";

// Formulas are typeset here, on the server: the browser receives finished HTML (+ MathML for screen
// readers) and never downloads the KaTeX engine. throwOnError makes a typo in lesson TeX fail the build.
function typeset(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, { displayMode, throwOnError: true, strict: "ignore" });
}

export function RichText({ text }: { text: string }) {
  return (
    <>
      {parseRichText(text).map((segment, index) => {
        const key = `${index}-${segment.kind}`;
        switch (segment.kind) {
          case "math":
            return <span key={key} dangerouslySetInnerHTML={{ __html: typeset(segment.tex, false) }} />;
          case "bold":
            return <strong key={key}>{segment.text}</strong>;
          case "code":
            return <code key={key}>{segment.text}</code>;
          default:
            return <span key={key}>{segment.text}</span>;
        }
      })}
    </>
  );
}

export function DisplayMath({ tex }: { tex: string }) {
  return <div className="ml-math-block" dangerouslySetInnerHTML={{ __html: typeset(tex, true) }} />;
}

import "katex/dist/katex.min.css";
import katex from "katex";

/** A formula typeset by KaTeX (fonts bundled from npm, nothing fetched). */
export function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  const html = katex.renderToString(tex, {
    throwOnError: false,
    displayMode: display,
    output: "htmlAndMathml",
  });
  // KaTeX output is generated from our own content strings, never from user input.
  return <span dangerouslySetInnerHTML={{ __html: html }} />;
}

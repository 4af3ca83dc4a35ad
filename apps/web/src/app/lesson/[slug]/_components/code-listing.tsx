import hljs from "highlight.js/lib/core";
import python from "highlight.js/lib/languages/python";

// Only the one grammar the lessons use, so the server bundle stays small.
hljs.registerLanguage("python", python);

/** A notebook listing, highlighted on the server (highlight.js escapes the code it wraps). */
export function CodeListing({
  code,
  language,
  caption,
}: {
  code: string;
  language: "python";
  caption: string;
}) {
  const html = hljs.highlight(code, { language }).value;
  return (
    <figure className="ml-code">
      <figcaption className="ml-code-caption">
        <span>{caption}</span>
        <span className="ml-badge ml-badge-muted">{language === "python" ? "Python" : language}</span>
      </figcaption>
      <pre>
        <code className={`hljs language-${language}`} dangerouslySetInnerHTML={{ __html: html }} />
      </pre>
    </figure>
  );
}

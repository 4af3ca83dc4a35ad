import hljs from "highlight.js/lib/core";
import python from "highlight.js/lib/languages/python";
import type { ReactNode } from "react";

// Only the one grammar the lessons use, so the server bundle stays small.
hljs.registerLanguage("python", python);

/** A lesson's listing, highlighted on the server (highlight.js escapes the code it wraps). */
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

/** A listing with what it draws or prints beside it (stacked on narrow screens). */
export function ListingWithResult({ listing, result }: { listing: ReactNode; result: ReactNode }) {
  return (
    <div className="ml-listing">
      <div className="ml-listing-code">{listing}</div>
      <div className="ml-listing-beside">{result}</div>
    </div>
  );
}

/** What a listing prints, in the notebook's output style. */
export function ListingOutput({ text, note }: { text: string; note: string }) {
  return (
    <figure className="ml-code-output">
      <figcaption>Output</figcaption>
      <pre>{text}</pre>
      <p className="ml-field-hint">{note}</p>
    </figure>
  );
}

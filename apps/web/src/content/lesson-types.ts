/** A lesson is data: a second lesson is a new content file, not new components. */
export interface LessonObjective {
  /** Stable id used by quizzes and progress records; never rename one that has data. */
  id: string;
  text: string;
  /** A few words for table headers and badges. */
  short: string;
}

export interface LessonMeta {
  slug: string;
  phase: number;
  session: number;
  title: string;
  minutes: number;
  bigIdea: string;
  objectives: readonly LessonObjective[];
}

/** The interactive widgets a lesson can place between its paragraphs (components in @margin/ui/widgets). */
export type WidgetKind =
  | "sigmoid-explorer"
  | "linear-vs-sigmoid"
  | "per-example-loss"
  | "mse-vs-log-loss"
  | "boundary-explorer"
  | "train-from-scratch"
  | "ring-features";

/**
 * Running text may contain inline math between single dollars ($\sigma(z)$), **bold** and `code`.
 * Formulas are typeset with KaTeX on the server.
 */
export type RichText = string;

export type LessonBlock =
  | { type: "paragraph"; text: RichText }
  | { type: "math"; tex: string; label?: string }
  | { type: "list"; items: readonly RichText[]; ordered?: boolean }
  | { type: "callout"; tone: "key" | "warning" | "tip"; title: string; text: RichText }
  | { type: "table"; caption: string; head: readonly string[]; rows: readonly (readonly RichText[])[] }
  | {
      type: "code";
      language: "python";
      /** The lesson's listing, verbatim. */
      code: string;
      caption: string;
      /** Where the listing draws a plot: our chart of the same data, beside it. */
      figure?: ListingFigure;
      /** Where the listing prints: what it prints, computed on the same data. */
      output?: ListingOutput;
    }
  | { type: "widget"; widget: WidgetKind; title: string; description: RichText }
  | { type: "objectives" }
  /** A quiz on some of one objective's questions, in this order (every question sits in exactly one quiz). */
  | { type: "quiz"; objectiveId: string; questionIds: readonly string[] };

/** Charts that draw what a listing's matplotlib code plots. */
export type ListingFigure = "sigmoid-curve" | "data-scatter" | "loss-curve" | "decision-boundary";

/** Printed output of a listing, recomputed by @margin/core. */
export type ListingOutput = "from-scratch" | "sklearn";

export interface LessonSection {
  /** Stable id: the URL anchor and the progress record's key. */
  id: string;
  title: string;
  /** The objective this section teaches, shown as a tag. */
  objectiveId?: string;
  blocks: readonly LessonBlock[];
}

export interface Lesson {
  meta: LessonMeta;
  sections: readonly LessonSection[];
}

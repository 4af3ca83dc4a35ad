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
  | { type: "code"; language: "python"; code: string; caption: string }
  | {
      type: "widget";
      widget: WidgetKind;
      title: string;
      description: RichText;
      /** Shown side by side with the widget: the notebook's listing of the same algorithm. */
      code?: { language: "python"; code: string; caption: string };
    }
  | { type: "objectives" }
  | { type: "quiz"; objectiveId: string };

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

import { AppShell } from "@margin/ui/app-shell";
import { MyProgress } from "~/components/progress/my-progress";
import { QuizPanel } from "~/components/quiz/quiz-panel";
import { DisplayMath, RichText } from "~/components/rich-text";
import type {
  Lesson,
  LessonBlock,
  LessonSection,
  ListingFigure as ListingFigureKind,
  ListingOutput as OutputKind,
} from "~/content/lesson-types";
import { parseHidden, parseWidgetState } from "~/lib/lesson-url-state";
import { fromScratchOutput, notebookFit, sklearnOutput } from "~/lib/notebook-output";
import { CodeListing, ListingOutput, ListingWithResult } from "./code-listing";
import { ListingFigure } from "./listing-figure";
import { LessonProgressProvider } from "./progress-context";
import { TrackedSection } from "./section-tracker";
import { WidgetBlock } from "./widget-block";

interface ParamSource {
  get(name: string): string | null;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** Figures of the trained model: only these get the notebook's fit (a thousand-step run) sent down. */
const TRAINED_FIGURES = new Set<ListingFigureKind>(["loss-curve", "decision-boundary"]);

/** What the lesson's print statements print, recomputed on the lesson's data. */
const OUTPUTS: Record<OutputKind, { text: () => string; note: string }> = {
  "from-scratch": {
    text: fromScratchOutput,
    note: "Computed on this page's server by the same algorithm on the same 100 points; numpy prints the same.",
  },
  sklearn: {
    text: sklearnOutput,
    note: "The exact optimum of LogisticRegression()'s objective (C = 1), computed here. scikit-learn's own solver stops a little short of it, so its last digits can differ.",
  },
};

/** The whole lesson, rendered on the server; only widgets and section tracking hydrate. */
export function LessonView({
  lesson,
  params,
  isStudent,
}: {
  lesson: Lesson;
  params: ParamSource;
  /** Signed-in students record progress and see theirs; visitors and teachers just read. */
  isStudent: boolean;
}) {
  const { meta } = lesson;
  const context = `Phase ${meta.phase} · Session ${pad(meta.session)} · ${meta.minutes} min`;
  const widgetSections: Record<string, string> = {};
  for (const section of lesson.sections) {
    for (const block of section.blocks)
      if (block.type === "widget") widgetSections[block.widget] = section.id;
  }
  return (
    <AppShell meta={context}>
      <LessonProgressProvider lessonSlug={meta.slug} widgetSections={widgetSections} enabled={isStudent}>
        <article className="ml-lesson" aria-labelledby="lesson-title">
          <header className="ml-lesson-hero">
            <p className="ml-eyebrow">{context}</p>
            <h1 id="lesson-title">{meta.title}</h1>
            <p className="ml-lesson-lede">{meta.bigIdea}</p>
            <nav aria-label="In this lesson" className="ml-toc">
              <ol>
                {lesson.sections.map((section) => (
                  <li key={section.id} className="ml-toc-item">
                    <a href={`#${section.id}`}>{section.title}</a>
                  </li>
                ))}
              </ol>
            </nav>
            {isStudent ? (
              <div style={{ marginTop: 24 }}>
                <MyProgress lessonSlug={meta.slug} />
              </div>
            ) : null}
          </header>
          {lesson.sections.map((section) => (
            <SectionView key={section.id} lesson={lesson} section={section} params={params} />
          ))}
        </article>
      </LessonProgressProvider>
    </AppShell>
  );
}

function SectionView({
  lesson,
  section,
  params,
}: {
  lesson: Lesson;
  section: LessonSection;
  params: ParamSource;
}) {
  const headingId = `${section.id}-title`;
  const objectiveIndex = lesson.meta.objectives.findIndex(
    (objective) => objective.id === section.objectiveId,
  );
  return (
    <TrackedSection sectionId={section.id} labelledBy={headingId}>
      <div className="ml-prose">
        {objectiveIndex >= 0 ? (
          <p className="ml-section-tag">
            <span className="ml-badge">Objective {objectiveIndex + 1}</span>
          </p>
        ) : null}
        <h2 id={headingId}>{section.title}</h2>
      </div>
      {section.blocks.map((block, index) => (
        // Blocks are static content: their position is their identity.
        <Block key={index} lesson={lesson} block={block} params={params} />
      ))}
    </TrackedSection>
  );
}

function Block({ lesson, block, params }: { lesson: Lesson; block: LessonBlock; params: ParamSource }) {
  switch (block.type) {
    case "paragraph":
      return (
        <p className="ml-prose">
          <RichText text={block.text} />
        </p>
      );
    case "math":
      return (
        <div className="ml-prose">
          <DisplayMath tex={block.tex} />
        </div>
      );
    case "list": {
      const items = block.items.map((item) => (
        <li key={item}>
          <RichText text={item} />
        </li>
      ));
      return block.ordered ? <ol className="ml-prose">{items}</ol> : <ul className="ml-prose">{items}</ul>;
    }
    case "callout":
      return (
        <aside className={`ml-prose ml-callout ml-callout-${block.tone}`} aria-label={block.title}>
          <p className="ml-callout-title">{block.title}</p>
          <p>
            <RichText text={block.text} />
          </p>
        </aside>
      );
    case "table":
      return (
        <div className="ml-prose ml-table-wrap">
          <table className="ml-table">
            <caption>{block.caption}</caption>
            <thead>
              <tr>
                {block.head.map((cell) => (
                  <th key={cell} scope="col">
                    <RichText text={cell} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row) => (
                <tr key={row.join("|")}>
                  {row.map((cell, index) =>
                    index === 0 ? (
                      <th key={cell} scope="row">
                        <RichText text={cell} />
                      </th>
                    ) : (
                      <td key={cell}>
                        <RichText text={cell} />
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "code": {
      const listing = <CodeListing code={block.code} language={block.language} caption={block.caption} />;
      const output = block.output ? OUTPUTS[block.output] : undefined;
      if (block.figure)
        return (
          <ListingWithResult
            listing={listing}
            result={
              <ListingFigure
                kind={block.figure}
                fit={TRAINED_FIGURES.has(block.figure) ? notebookFit() : undefined}
              />
            }
          />
        );
      if (output)
        return (
          <ListingWithResult
            listing={listing}
            result={<ListingOutput text={output.text()} note={output.note} />}
          />
        );
      return <div className="ml-prose">{listing}</div>;
    }
    case "objectives":
      return (
        <ol className="ml-prose ml-objectives">
          {lesson.meta.objectives.map((objective) => {
            const first = lesson.sections.find((section) => section.objectiveId === objective.id);
            return (
              <li key={objective.id}>
                {first ? <a href={`#${first.id}`}>{objective.text}</a> : objective.text}
              </li>
            );
          })}
        </ol>
      );
    case "quiz":
      return (
        <div className="ml-prose ml-quiz-slot">
          <QuizPanel lessonSlug={lesson.meta.slug} questionIds={block.questionIds} />
        </div>
      );
    case "widget":
      return (
        <WidgetBlock
          kind={block.widget}
          title={block.title}
          description={<RichText text={block.description} />}
          initialState={parseWidgetState(block.widget, params)}
          hidden={parseHidden(block.widget, params)}
        />
      );
  }
}

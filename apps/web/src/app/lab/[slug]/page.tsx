import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NOTEBOOK_LISTINGS } from "~/content/cats-or-dogs.listings";
import { findLesson } from "~/content/lessons";
import { currentSession } from "~/server/auth/current";
import { CodeListing } from "../../lesson/[slug]/_components/code-listing";
import { LabView, NotAStudent } from "./_components/lab-view";

export const dynamic = "force-dynamic";

/** Lessons with a coding lab, and the lesson's listing shown beside the editor (verbatim). */
const LAB_LISTINGS: Record<string, string> = { "cats-or-dogs": NOTEBOOK_LISTINGS.fromScratch };

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = findLesson((await params).slug);
  return lesson ? { title: `Coding lab · ${lesson.meta.title}` } : {};
}

export default async function LabPage({ params }: Props) {
  const { slug } = await params;
  const lesson = findLesson(slug);
  const listing = LAB_LISTINGS[slug];
  if (!lesson || !listing || slug !== "cats-or-dogs") notFound();
  const session = await currentSession();
  if (session?.role !== "student") return <NotAStudent title={lesson.meta.title} />;
  const objective = lesson.meta.objectives.find((o) => o.id === "from-scratch")?.text ?? "";
  return (
    <LabView
      lessonSlug={slug}
      lessonTitle={lesson.meta.title}
      objective={objective}
      notebook={
        <>
          <CodeListing code={listing} language="python" caption="The lesson's code (Python)" />
          <p className="ml-field-hint">
            The lab's functions take their arguments in another order than this listing:{" "}
            <code>predictProba(X, w, b)</code>, <code>logLoss(y, yPred)</code> and{" "}
            <code>computeGradients(X, y, yPred)</code>, as the starter code shows.
          </p>
        </>
      }
    />
  );
}

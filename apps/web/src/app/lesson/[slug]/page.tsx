import "katex/dist/katex.min.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findLesson } from "~/content/lessons";
import { currentSession } from "~/server/auth/current";
import { LessonView } from "./_components/lesson-view";

type SearchParams = Record<string, string | string[] | undefined>;

interface Props {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lesson = findLesson((await params).slug);
  return lesson ? { title: lesson.meta.title, description: lesson.meta.bigIdea } : {};
}

/** Widget state arrives in the query string; the first value of a repeated key wins, like URLSearchParams.get. */
function toSearchParams(raw: SearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params.set(key, first);
  }
  return params;
}

export default async function LessonPage({ params, searchParams }: Props) {
  const lesson = findLesson((await params).slug);
  if (!lesson) notFound();
  const session = await currentSession();
  return (
    <LessonView
      lesson={lesson}
      params={toSearchParams(await searchParams)}
      isStudent={session?.role === "student"}
    />
  );
}

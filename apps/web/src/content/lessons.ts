import { catsOrDogs } from "./cats-or-dogs";
import type { Lesson } from "./lesson-types";

/** Every published lesson by slug; adding a lesson is adding its content file here. */
const LESSONS: readonly Lesson[] = [catsOrDogs];

export function findLesson(slug: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.meta.slug === slug);
}

export function lessonSlugs(): string[] {
  return LESSONS.map((lesson) => lesson.meta.slug);
}

import "server-only";
import { type Db, type Lesson, upsertLesson } from "@margin/db";
import { catsOrDogsMeta } from "~/content/cats-or-dogs.meta";
import type { LessonMeta } from "~/content/lesson-types";

interface LessonCatalogueEntry {
  meta: LessonMeta;
  /** Section keys and titles, in order: progress is recorded against these keys. */
  sections: readonly { key: string; title: string }[];
}

/** Lessons by slug. Content files are the source of truth; the database keeps a copy for progress rows. */
const catalogue: Record<string, LessonCatalogueEntry> = {
  "cats-or-dogs": { meta: catsOrDogsMeta, sections: [] },
};

export function lessonEntry(slug: string): LessonCatalogueEntry | undefined {
  return catalogue[slug];
}

const synced = new Map<string, Promise<Lesson>>();

/** Writes the lesson's catalogue row from its content once per process (idempotent upsert). */
export function ensureLesson(db: Db, slug: string): Promise<Lesson> | null {
  const entry = catalogue[slug];
  if (!entry) return null;
  let pending = synced.get(slug);
  if (!pending) {
    const { meta, sections } = entry;
    pending = upsertLesson(db, {
      slug: meta.slug,
      phase: meta.phase,
      session: meta.session,
      title: meta.title,
      minutes: meta.minutes,
      sections: sections.map(({ key, title }) => ({ key, title })),
      objectives: meta.objectives.map(({ id, text }) => ({ key: id, text })),
    });
    pending.catch(() => synced.delete(slug));
    synced.set(slug, pending);
  }
  return pending;
}

import "server-only";
import { type Db, type Lesson, upsertLesson } from "@margin/db";
import { findLesson } from "~/content/lessons";

export { findLesson as lessonEntry };

const synced = new Map<string, Promise<Lesson>>();

/**
 * Writes the lesson's catalogue row (sections and objectives, whose keys progress rows refer to) from
 * its content file, once per process. Content is the source of truth; the upsert is idempotent.
 */
export function ensureLesson(db: Db, slug: string): Promise<Lesson> | null {
  const lesson = findLesson(slug);
  if (!lesson) return null;
  let pending = synced.get(slug);
  if (!pending) {
    const { meta, sections } = lesson;
    pending = upsertLesson(db, {
      slug: meta.slug,
      phase: meta.phase,
      session: meta.session,
      title: meta.title,
      minutes: meta.minutes,
      sections: sections.map(({ id, title }) => ({ key: id, title })),
      objectives: meta.objectives.map(({ id, text }) => ({ key: id, text })),
    });
    pending.catch(() => synced.delete(slug));
    synced.set(slug, pending);
  }
  return pending;
}

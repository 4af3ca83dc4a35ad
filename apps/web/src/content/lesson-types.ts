/** A lesson is data: a second lesson is a new content file, not new components. */
export interface LessonObjective {
  /** Stable id used by quizzes and progress records; never rename one that has data. */
  id: string;
  text: string;
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

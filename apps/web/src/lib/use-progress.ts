"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import { useTRPC } from "~/trpc/react";

/**
 * Records what a signed-in student does in a lesson: a section scrolled into view is "viewed", a
 * section whose widget was used is "completed". Anonymous visitors and teachers record nothing (the
 * server answers UNAUTHORIZED/FORBIDDEN and we stop asking). Each mark is sent once per page load.
 */
export function useLessonProgress(
  lessonSlug: string,
  /** Which section each widget belongs to, so using a widget completes its section. */
  sectionOfWidget: (widgetId: string) => string | undefined = () => undefined,
): {
  markSectionViewed: (sectionKey: string) => void;
  markSectionCompleted: (sectionKey: string) => void;
  markWidgetUsed: (widgetId: string) => void;
} {
  const trpc = useTRPC();
  const sent = useRef(new Set<string>());
  const disabled = useRef(false);
  const mark = useMutation(
    trpc.progress.mark.mutationOptions({
      onError: (error) => {
        const code = error.data?.code;
        if (code === "UNAUTHORIZED" || code === "FORBIDDEN") disabled.current = true;
      },
    }),
  );
  const send = useCallback(
    (sectionKey: string, step: "viewed" | "completed") => {
      const id = `${step}:${sectionKey}`;
      if (disabled.current || sent.current.has(id)) return;
      sent.current.add(id);
      mark.mutate({ lessonSlug, sectionKey, step });
    },
    [mark.mutate, lessonSlug],
  );
  return {
    markSectionViewed: useCallback((key: string) => send(key, "viewed"), [send]),
    markSectionCompleted: useCallback((key: string) => send(key, "completed"), [send]),
    markWidgetUsed: useCallback(
      (widgetId: string) => {
        const section = sectionOfWidget(widgetId);
        if (section) send(section, "completed");
      },
      [send, sectionOfWidget],
    ),
  };
}

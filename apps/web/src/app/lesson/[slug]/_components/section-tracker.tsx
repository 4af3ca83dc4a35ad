"use client";

import { type ReactNode, useEffect, useRef } from "react";
import { useProgress } from "./progress-context";

/** A lesson section that reports itself as viewed once it reaches the middle of the screen. */
export function TrackedSection({
  sectionId,
  labelledBy,
  children,
}: {
  sectionId: string;
  labelledBy: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const { markSectionViewed } = useProgress();

  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          markSectionViewed(sectionId);
          observer.disconnect();
        }
      },
      // A visibility ratio fails for sections taller than the screen; crossing the middle band works for
      // any height and ignores sections merely peeking in at an edge while scrolling past.
      { threshold: 0, rootMargin: "-40% 0px -40% 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [markSectionViewed, sectionId]);

  return (
    <section ref={ref} id={sectionId} aria-labelledby={labelledBy} className="ml-lesson-section">
      {children}
    </section>
  );
}

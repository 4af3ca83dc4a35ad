import type { ReactNode } from "react";

export interface CardProps {
  title?: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
  /** Region label for screen readers; defaults to the title. */
  "aria-label"?: string;
}

export function Card({ title, description, children, className = "", ...rest }: CardProps) {
  return (
    <section className={`ml-card ${className}`} aria-label={rest["aria-label"] ?? title}>
      {title ? <h2 className="ml-card-title">{title}</h2> : null}
      {description ? <p className="ml-card-description">{description}</p> : null}
      {children}
    </section>
  );
}

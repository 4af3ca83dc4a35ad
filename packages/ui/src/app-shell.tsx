import type { ReactNode } from "react";

export interface AppShellProps {
  children: ReactNode;
  meta?: ReactNode;
}

/** The frame of every page: brand bar, skip link, one main landmark. */
export function AppShell({ children, meta }: AppShellProps) {
  return (
    <div className="ml-shell">
      <a className="ml-visually-hidden" href="#main">
        Skip to content
      </a>
      <header className="ml-topbar">
        <a className="ml-brand" href="/">
          <span className="ml-brand-mark" aria-hidden="true">
            M
          </span>
          Margin Lab
        </a>
        {meta ? <div className="ml-topbar-meta">{meta}</div> : null}
      </header>
      <main id="main" className="ml-main">
        {children}
      </main>
    </div>
  );
}

export interface PageHeaderProps {
  eyebrow?: string;
  title: string;
  children?: ReactNode;
}

export function PageHeader({ eyebrow, title, children }: PageHeaderProps) {
  return (
    <div className="ml-page-header">
      {eyebrow ? <p className="ml-eyebrow">{eyebrow}</p> : null}
      <h1>{title}</h1>
      {children ? <p>{children}</p> : null}
    </div>
  );
}

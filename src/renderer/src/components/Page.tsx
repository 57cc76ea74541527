import type { ReactNode } from 'react';

interface PageProps {
  title: string;
  /** One line under the title saying what the page is for. */
  lead?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/** Every page's frame: the one h1 (focused on navigation), an optional lead and the page's actions. */
export function Page({ title, lead, actions, children }: PageProps): ReactNode {
  return (
    <article className="page">
      <header className="page-header">
        <div>
          <h1 id="page-title" tabIndex={-1}>
            {title}
          </h1>
          {lead === undefined ? null : <p className="page-lead">{lead}</p>}
        </div>
        {actions === undefined ? null : <div className="page-actions">{actions}</div>}
      </header>
      {children}
    </article>
  );
}

/** A titled block inside a page. */
export function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }): ReactNode {
  return (
    <section className="section" aria-label={title}>
      <div className="section-header">
        <h2>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

import type { ReactNode } from 'react';
import { useTheme } from '../api/settings-context';
import { hrefFor } from '../lib/hash-route';
import { NAV_SECTIONS, ROUTES } from '../routes';

/** Sidebar navigation built from the routes table; plain links, so Tab/Enter and the browser's history just work. */
export function Sidebar({ currentId }: { currentId: string | null }): ReactNode {
  const theme = useTheme();
  return (
    <nav className="sidebar" aria-label="Main">
      <a className="brand" href={hrefFor('/machine')}>
        <span className="brand-mark" aria-hidden="true" />
        Rigmark
      </a>
      {NAV_SECTIONS.map((section) => {
        const items = ROUTES.filter((r) => r.nav?.section === section.id);
        if (items.length === 0) return null;
        return (
          <div className="nav-section" key={section.id}>
            <p className="nav-section-label" id={`nav-${section.id}`}>
              {section.label}
            </p>
            <ul aria-labelledby={`nav-${section.id}`}>
              {items.map((route) => (
                <li key={route.id}>
                  <a className="nav-link" href={hrefFor(route.pattern)} aria-current={route.id === currentId ? 'page' : undefined}>
                    {route.nav?.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <div className="sidebar-footer">
        <button type="button" className="button button-ghost theme-toggle" onClick={theme.toggle} aria-label={`Switch to ${theme.resolved === 'dark' ? 'light' : 'dark'} theme`}>
          {theme.resolved === 'dark' ? 'Light theme' : 'Dark theme'}
        </button>
        {theme.error === null ? null : (
          <p className="field-error" role="alert">
            Theme not saved: {theme.error.message}
          </p>
        )}
      </div>
    </nav>
  );
}

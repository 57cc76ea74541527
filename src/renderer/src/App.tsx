import { useEffect, useRef } from 'react';
import type { MouseEvent, ReactNode } from 'react';
import type { RigmarkApi } from '../../shared/api/contract';
import { ApiProvider } from './api/api-context';
import { LiveRunProvider } from './api/live-run-context';
import { SettingsProvider } from './api/settings-context';
import { Sidebar } from './components/Sidebar';
import { navigate, useHashPath } from './lib/hash-route';
import { NotFoundPage } from './pages/NotFoundPage';
import { DEFAULT_PATH, resolveRoute } from './routes';

/** The whole UI over one `RigmarkApi`; tests render this with a fake one. */
export function App({ api }: { api: RigmarkApi }): ReactNode {
  return (
    <ApiProvider api={api}>
      <SettingsProvider>
        <LiveRunProvider>
          <Shell />
        </LiveRunProvider>
      </SettingsProvider>
    </ApiProvider>
  );
}

function Shell(): ReactNode {
  const path = useHashPath();
  const match = resolveRoute(path);
  const currentNavId = match === null ? null : (match.route.navParent ?? match.route.id);
  useRouteFocus(path, match?.route.title ?? 'Not found');

  useEffect(() => {
    if (path === '/') navigate(DEFAULT_PATH);
  }, [path]);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={focusMain}>
        Skip to content
      </a>
      <Sidebar currentId={currentNavId} />
      <main id="main" className="main" tabIndex={-1}>
        {path === '/' ? null : match === null ? <NotFoundPage path={path} /> : match.route.render(match.params)}
      </main>
    </div>
  );
}

/** Sets the document title and, after in-app navigation (not the first load), moves focus to the new page's h1. */
function useRouteFocus(path: string, title: string): void {
  const previous = useRef<string | null>(null);
  useEffect(() => {
    document.title = `${title} · Rigmark`;
    if (previous.current !== null && previous.current !== path) document.getElementById('page-title')?.focus();
    previous.current = path;
  }, [path, title]);
}

function focusMain(event: MouseEvent<HTMLAnchorElement>): void {
  // The hash is our router; a plain #main link would navigate away.
  event.preventDefault();
  document.getElementById('main')?.focus();
}

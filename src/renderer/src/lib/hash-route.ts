import { useSyncExternalStore } from 'react';

/**
 * Hash routing (`#/results/12`): works the same from file:// in Electron and from the web server, needs no
 * server-side fallback and no router dependency.
 */
export function useHashPath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentPath(): string {
  const raw = window.location.hash.replace(/^#/, '');
  return raw === '' ? '/' : raw;
}

/** The href for an in-app path, for plain <a> links (keyboard and middle-click behave as users expect). */
export function hrefFor(path: string): string {
  return `#${path}`;
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export type RouteParams = Record<string, string>;

/** Matches `/results/12` against `/results/:runId`; params are URI-decoded. */
export function matchPattern(pattern: string, path: string): RouteParams | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('?')[0]?.split('/').filter(Boolean) ?? [];
  if (want.length !== got.length) return null;
  const params: RouteParams = {};
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}

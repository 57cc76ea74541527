import type { ReactNode } from 'react';
import { matchPattern } from './lib/hash-route';
import type { RouteParams } from './lib/hash-route';
import { ComparePage } from './pages/ComparePage';
import { HistoryPage } from './pages/HistoryPage';
import { MachinePage } from './pages/MachinePage';
import { ModelsPage } from './pages/ModelsPage';
import { ReferenceCardPage } from './pages/ReferenceCardPage';
import { ReferencePage } from './pages/ReferencePage';
import { ResultsPage } from './pages/ResultsPage';
import { RunDetailPage } from './pages/RunDetailPage';
import { RunPage } from './pages/RunPage';
import { SettingsPage } from './pages/SettingsPage';

export type NavSectionId = 'measure' | 'compare' | 'app';

/** Sidebar sections in order; a section with no routes is not shown. */
export const NAV_SECTIONS: ReadonlyArray<{ id: NavSectionId; label: string }> = [
  { id: 'measure', label: 'Measure' },
  { id: 'compare', label: 'Compare' },
  { id: 'app', label: 'App' },
];

export interface RouteDef {
  id: string;
  /** Hash path with `:params`, e.g. `/results/:runId`. */
  pattern: string;
  /** Document title (and default h1). */
  title: string;
  /** Present for pages in the sidebar. */
  nav?: { section: NavSectionId; label: string };
  /** For detail pages: the sidebar entry to mark as current. */
  navParent?: string;
  render: (params: RouteParams) => ReactNode;
}

/** The one routes table: the sidebar and the router both read it. Order matters only for the sidebar. */
export const ROUTES: readonly RouteDef[] = [
  { id: 'machine', pattern: '/machine', title: 'This machine', nav: { section: 'measure', label: 'This machine' }, render: () => <MachinePage /> },
  { id: 'run', pattern: '/run', title: 'Run', nav: { section: 'measure', label: 'Run' }, render: () => <RunPage /> },
  { id: 'results', pattern: '/results', title: 'Results', nav: { section: 'measure', label: 'Results' }, render: () => <ResultsPage /> },
  {
    id: 'run-detail',
    pattern: '/results/:runId',
    title: 'Run result',
    navParent: 'results',
    render: (p) => <RunDetailPage runId={Number(p.runId)} />,
  },
  { id: 'history', pattern: '/history', title: 'History', nav: { section: 'measure', label: 'History' }, render: () => <HistoryPage benchmarkId={null} /> },
  {
    id: 'history-benchmark',
    pattern: '/history/:benchmarkId',
    title: 'History',
    navParent: 'history',
    render: (p) => <HistoryPage benchmarkId={p.benchmarkId ?? null} />,
  },
  { id: 'compare', pattern: '/compare', title: 'Compare', nav: { section: 'compare', label: 'Compare' }, render: () => <ComparePage runId={null} /> },
  {
    id: 'compare-run',
    pattern: '/compare/:runId',
    title: 'Compare',
    navParent: 'compare',
    // Keyed by run: another run starts with fresh state instead of showing the previous run's comparison.
    render: (p) => <ComparePage key={p.runId} runId={Number(p.runId)} />,
  },
  { id: 'reference', pattern: '/reference', title: 'Reference', nav: { section: 'compare', label: 'Reference' }, render: () => <ReferencePage /> },
  {
    id: 'reference-card',
    pattern: '/reference/:gpuKey',
    title: 'Reference card',
    navParent: 'reference',
    render: (p) => <ReferenceCardPage key={p.gpuKey} gpuKey={p.gpuKey ?? ''} />,
  },
  { id: 'models', pattern: '/models', title: 'Models', nav: { section: 'compare', label: 'Models' }, render: () => <ModelsPage /> },
  { id: 'settings', pattern: '/settings', title: 'Settings', nav: { section: 'app', label: 'Settings' }, render: () => <SettingsPage /> },
];

export const DEFAULT_PATH = '/machine';

export function resolveRoute(path: string): { route: RouteDef; params: RouteParams } | null {
  for (const route of ROUTES) {
    const params = matchPattern(route.pattern, path);
    if (params !== null) return { route, params };
  }
  return null;
}

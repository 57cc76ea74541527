import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import type { ApiError, ApiResponse } from '../../../shared/api/contract';
import type { Settings } from '../../../shared/domain/settings';
import { useApi } from './api-context';
import { useCall } from './use-call';
import type { CallState } from './use-call';

export type ThemePreference = Settings['theme'];
export type ResolvedTheme = 'dark' | 'light';

interface SettingsContextValue {
  load: CallState<Settings>;
  /** The saved settings (the last successful update wins over the first load). */
  settings: Settings | null;
  update: (patch: Partial<Settings>) => Promise<ApiResponse<Settings>>;
  theme: {
    preference: ThemePreference;
    resolved: ResolvedTheme;
    /** Applies at once and saves through `settings:update`. */
    setPreference: (preference: ThemePreference) => void;
    toggle: () => void;
    error: ApiError | null;
  };
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

/** Loads settings once for the app, saves through `settings:update`, and applies the theme to <html>. */
export function SettingsProvider({ children }: { children: ReactNode }): ReactNode {
  const api = useApi();
  const load = useCall('settings:get', {});
  const [saved, setSaved] = useState<Settings | null>(null);
  // The theme switches at once on toggle; the saved value follows (and wins back if saving fails).
  const [themeOverride, setThemeOverride] = useState<ThemePreference | null>(null);
  const [themeError, setThemeError] = useState<ApiError | null>(null);
  const settings = saved ?? load.value ?? null;
  const preference = themeOverride ?? settings?.theme ?? 'dark';
  const prefersDark = usePrefersDark();
  const resolved: ResolvedTheme = preference === 'system' ? (prefersDark ? 'dark' : 'light') : preference;

  // A layout effect: it must land before any chart's (passive) effect reads the theme's CSS variables.
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = resolved;
    document.documentElement.style.colorScheme = resolved;
  }, [resolved]);

  const update = useCallback(
    async (patch: Partial<Settings>) => {
      const response = await api.call('settings:update', patch);
      if (response.ok) setSaved(response.value);
      return response;
    },
    [api],
  );

  const setPreference = useCallback(
    (next: ThemePreference) => {
      setThemeOverride(next);
      setThemeError(null);
      void update({ theme: next }).then((response) => {
        setThemeOverride(null);
        if (!response.ok) setThemeError(response.error);
      });
    },
    [update],
  );
  const toggle = useCallback(() => setPreference(resolved === 'dark' ? 'light' : 'dark'), [resolved, setPreference]);

  const value = useMemo<SettingsContextValue>(
    () => ({ load, settings, update, theme: { preference, resolved, setPreference, toggle, error: themeError } }),
    [load, settings, update, preference, resolved, setPreference, toggle, themeError],
  );
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (value === null) throw new Error('useSettings() needs a <SettingsProvider> above it');
  return value;
}

export function useTheme(): SettingsContextValue['theme'] {
  return useSettings().theme;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

function usePrefersDark(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const query = window.matchMedia(DARK_QUERY);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => (typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY).matches : true),
  );
}

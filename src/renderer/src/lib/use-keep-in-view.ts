import { useEffect } from 'react';
import type { RefObject } from 'react';

/**
 * Scrolls the child of `container` marked `data-follow-key={key}` into view whenever `key` changes (the benchmark
 * that is running now), by the least amount (`block: 'nearest'`), so a long run does not carry on off screen. Only on
 * a change: between changes the user may scroll freely.
 */
export function useKeepInView(container: RefObject<HTMLElement | null>, key: string | number | undefined): void {
  useEffect(() => {
    if (key === undefined) return;
    const target = container.current?.querySelector<HTMLElement>(`[data-follow-key="${String(key)}"]`);
    // jsdom (component tests) has no layout and no scrollIntoView.
    if (target !== null && target !== undefined && typeof target.scrollIntoView === 'function') target.scrollIntoView({ block: 'nearest' });
  }, [container, key]);
}

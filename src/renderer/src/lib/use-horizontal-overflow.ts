import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

export interface HorizontalOverflow {
  /** Columns hidden to the left (the user has scrolled). */
  isCutLeft: boolean;
  /** Columns hidden to the right: the box is narrower than its table. */
  isCutRight: boolean;
}

const NONE: HorizontalOverflow = { isCutLeft: false, isCutRight: false };

/**
 * Whether a sideways-scrolling box hides content on either side, kept current on resize and scroll, so a narrow
 * window (900 px) can say that columns are off screen instead of clipping them silently.
 */
export function useHorizontalOverflow<T extends HTMLElement>(): [RefObject<T | null>, HorizontalOverflow] {
  const ref = useRef<T>(null);
  const [overflow, setOverflow] = useState<HorizontalOverflow>(NONE);
  const measure = useCallback(() => {
    const element = ref.current;
    if (element === null) return;
    // One pixel of slack: fractional widths round differently per browser.
    const isCutLeft = element.scrollLeft > 1;
    const isCutRight = element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
    setOverflow((old) => (old.isCutLeft === isCutLeft && old.isCutRight === isCutRight ? old : { isCutLeft, isCutRight }));
  }, []);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    if (typeof ResizeObserver !== 'function') return () => element.removeEventListener('scroll', measure);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const table = element.firstElementChild;
    if (table !== null) observer.observe(table);
    return () => {
      element.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, [measure]);
  return [ref, overflow];
}

import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

/**
 * True once the element has come near the viewport (and from then on), so a section loads its data only when shown.
 * Where IntersectionObserver does not exist (jsdom), the element counts as shown at once.
 */
export function useInView<T extends Element>(rootMargin = '200px'): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [isInView, setIsInView] = useState(() => typeof IntersectionObserver !== 'function');
  useEffect(() => {
    const element = ref.current;
    if (isInView || element === null || typeof IntersectionObserver !== 'function') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setIsInView(true);
      },
      { rootMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [isInView, rootMargin]);
  return [ref, isInView];
}

import { useState } from 'react';

/**
 * The latest defined value, kept while a new one loads: a page whose input changes (another card chosen) keeps its
 * content, and the control that changed it keeps focus, instead of flashing a loading state.
 */
export function useLastValue<T>(value: T | undefined): T | undefined {
  const [last, setLast] = useState<T | undefined>(value);
  // Derived state stored during render (React's documented pattern), so no extra effect pass.
  if (value !== undefined && value !== last) setLast(value);
  return value ?? last;
}

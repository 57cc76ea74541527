import type { z } from 'zod';

/** Readable validation messages for reference files (bundled or a user's): record index, id and field path. */

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

/** "value: expected number, got string" — one line per zod issue. */
export function formatIssues(error: z.ZodError, input: unknown): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
      const detail =
        issue.code === 'invalid_type'
          ? `expected ${issue.expected}, got ${describe(valueAt(input, issue.path))}`
          : issue.message;
      return `${path}: ${detail}`;
    })
    .join('; ');
}

/** "reference record #12 (id a100/…)": the record by position and by its own id. */
export function recordLabel(index: number, raw: unknown): string {
  const id = valueAt(raw, ['id']);
  return `reference record #${index} (id ${typeof id === 'string' ? id : 'unknown'})`;
}

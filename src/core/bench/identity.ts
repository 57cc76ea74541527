import { createHash } from 'node:crypto';
import type { Identity } from '../../shared/domain/benchmark';

/** Canonical JSON (keys sorted) so equal identities hash equally whatever order their keys were written in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A short stable hash of a workload identity; comparisons join on it. */
export function hashIdentity(identity: Identity): string {
  return createHash('sha256').update(canonicalJson(identity)).digest('hex').slice(0, 16);
}

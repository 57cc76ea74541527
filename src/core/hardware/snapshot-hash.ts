import { createHash } from 'node:crypto';
import type { SystemSnapshot } from '../../shared/domain/system';

/**
 * Hashes a snapshot by content so the store keeps one row per distinct machine state. Left out: fields that change
 * between two detections of an unchanged machine (when it was taken, free memory, whether it is on battery right
 * now; the wording of the WebGPU probe's reason). Everything else, the Rigmark version included, is part of the machine's identity.
 * @returns lower-case hex SHA-256 of the canonical JSON (object keys sorted, array order kept).
 */
export function hashSnapshot(s: SystemSnapshot): string {
  const stable = {
    ...s,
    capturedAt: undefined,
    memory: { ...s.memory, availableMiB: undefined },
    power: { ...s.power, isOnBattery: undefined },
    // The adapter found is the machine's; the words of why none was found (a probe that timed out once) are not.
    webgpu: s.webgpu ? { ...s.webgpu, reason: undefined } : undefined,
  };
  return createHash('sha256').update(canonicalJson(stable)).digest('hex');
}

/**
 * JSON with object keys sorted at every level and `undefined` members dropped, so two equal values always give
 * the same text whatever order their keys were built in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}

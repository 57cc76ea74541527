import type { Gpu } from '../../shared/domain/system';
import { vendorFromText } from './vendor';

/**
 * Parser for macOS `system_profiler SPDisplaysDataType -json`. Apple's keys are internal identifiers
 * (`sppci_model`, `spdisplays_vram`, `spdisplays_mtlgpufamilysupport`), values are strings such as "8 GB",
 * "sppci_vendor_amd" or "spdisplays_metal3".
 */

/** Arguments of the detection call. */
export const SYSTEM_PROFILER_ARGS = ['SPDisplaysDataType', '-json'] as const;

/** GPUs and Metal support as system_profiler describes them. */
export interface DisplaysReport {
  gpus: Gpu[];
  /** Highest Metal version any GPU supports ("Metal 3"), or null when none reports Metal. */
  metalVersion: string | null;
}

/** Parses the JSON; returns an empty report when the text is not the expected document. */
export function parseSystemProfilerDisplays(text: string): DisplaysReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { gpus: [], metalVersion: null };
  }
  const entries = isRecord(parsed) && Array.isArray(parsed['SPDisplaysDataType']) ? parsed['SPDisplaysDataType'] : [];
  const gpus: Gpu[] = [];
  const metalVersions: string[] = [];
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    const name = str(entry['sppci_model']) ?? str(entry['_name']);
    if (!name) continue;
    const vendor = vendorFromText(str(entry['spdisplays_vendor']), name);
    const dedicatedMiB = sizeToMiB(str(entry['spdisplays_vram']));
    const isUnifiedMemory = vendor === 'apple' || (dedicatedMiB === null && entry['spdisplays_vram_shared'] !== undefined);
    const metal = metalOf(entry);
    if (metal) metalVersions.push(metal);
    gpus.push({
      index: gpus.length,
      vendor,
      name,
      vramMiB: isUnifiedMemory ? null : dedicatedMiB,
      driver: null,
      pciBus: null,
      computeCapability: null,
      powerLimitW: null,
      maxSmClockMHz: null,
      maxMemClockMHz: null,
      isUnifiedMemory,
      source: 'system_profiler',
    });
  }
  metalVersions.sort();
  return { gpus, metalVersion: metalVersions.at(-1) ?? null };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** "8 GB" → 8192, "1536 MB" → 1536. */
function sizeToMiB(value: string | null): number | null {
  const m = value ? /([\d.]+)\s*(GB|MB)/i.exec(value) : null;
  if (!m?.[1] || !m[2]) return null;
  const n = Number(m[1]);
  return m[2].toUpperCase() === 'GB' ? Math.round(n * 1024) : Math.round(n);
}

/** "spdisplays_metal3" → "Metal 3"; older macOS only says which GPU family ("spdisplays_mtlgpufamilymac2"). */
function metalOf(entry: Record<string, unknown>): string | null {
  const support = str(entry['spdisplays_mtlgpufamilysupport']) ?? str(entry['spdisplays_metalfamily']);
  if (!support) return str(entry['spdisplays_metal']) ? 'Metal' : null;
  const version = /metal(\d+)/i.exec(support)?.[1];
  if (version) return `Metal ${version}`;
  const family = /mtlgpufamily(\w+)/i.exec(support)?.[1];
  return family ? `Metal (GPU family ${family})` : 'Metal';
}

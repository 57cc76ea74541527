import type { Gpu } from '../../shared/domain/system';

/**
 * Parsers for `nvidia-smi` output. Pure functions over text so they are tested on recorded real outputs
 * (test/fixtures/hardware/). Query fields are documented by `nvidia-smi --help-query-gpu`.
 */

/** Fields of the detection query, in the order nvidia-smi prints them. */
export const NVIDIA_DETECT_FIELDS = [
  'index',
  'name',
  'memory.total',
  'driver_version',
  'pci.bus_id',
  'compute_cap',
  'power.limit',
  'clocks.max.sm',
  'clocks.max.mem',
] as const;

/** Drivers older than R510 do not know `compute_cap` and reject the whole query; this list is the fallback. */
export const NVIDIA_DETECT_FIELDS_LEGACY = NVIDIA_DETECT_FIELDS.filter((f) => f !== 'compute_cap');

/** Fields of the compute-process query used by preflight. */
export const NVIDIA_COMPUTE_APPS_FIELDS = ['pid', 'process_name', 'used_memory'] as const;

/** `--query-gpu=a,b,c --format=csv,noheader,nounits` for the given fields. */
export function nvidiaQueryArgs(fields: readonly string[], kind: 'gpu' | 'compute-apps' = 'gpu'): string[] {
  return [`--query-${kind}=${fields.join(',')}`, '--format=csv,noheader,nounits'];
}

/** A CSV row keyed by field name; null where nvidia-smi printed `[N/A]`, `[Not Supported]` or similar. */
export type NvidiaRecord = Record<string, string | null>;

/**
 * Parses `--format=csv,noheader,nounits` output into one record per line.
 * nvidia-smi separates values with ", " and does not quote; a product name could contain a comma, so surplus
 * columns are folded back into the `name` (or `process_name`) field. Lines with too few columns are skipped.
 */
export function parseNvidiaCsv(text: string, fields: readonly string[]): NvidiaRecord[] {
  const records: NvidiaRecord[] = [];
  const foldField = fields.includes('name') ? 'name' : fields.includes('process_name') ? 'process_name' : null;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line) continue;
    let cells = line.split(',').map((c) => c.trim());
    if (cells.length < fields.length) continue;
    if (cells.length > fields.length) {
      if (!foldField) continue;
      const at = fields.indexOf(foldField);
      const surplus = cells.length - fields.length;
      const folded = cells.slice(at, at + surplus + 1).join(', ');
      cells = [...cells.slice(0, at), folded, ...cells.slice(at + surplus + 1)];
    }
    const record: NvidiaRecord = {};
    fields.forEach((field, i) => {
      record[field] = nullIfUnavailable(cells[i] ?? '');
    });
    records.push(record);
  }
  return records;
}

// nvidia-smi prints these in place of a value; with `nounits` they keep their brackets.
const UNAVAILABLE = /^\[?(n\/a|not supported|unknown error|insufficient permissions|gpu is lost|requested functionality has been deprecated)\]?$/i;

function nullIfUnavailable(cell: string): string | null {
  if (cell === '' || UNAVAILABLE.test(cell)) return null;
  return cell;
}

/** A number from a cell, or null when the cell is unavailable or not numeric. */
export function numberOrNull(cell: string | null | undefined): number | null {
  if (cell === null || cell === undefined) return null;
  const n = Number(cell);
  return Number.isFinite(n) ? n : null;
}

/** Parses the detection query (either field list) into GPUs. */
export function parseNvidiaGpuList(text: string, fields: readonly string[] = NVIDIA_DETECT_FIELDS): Gpu[] {
  return parseNvidiaCsv(text, fields).flatMap((r, i): Gpu[] => {
    const name = r['name'];
    if (!name) return [];
    return [
      {
        index: numberOrNull(r['index']) ?? i,
        vendor: 'nvidia',
        name,
        vramMiB: numberOrNull(r['memory.total']),
        driver: r['driver_version'] ?? null,
        pciBus: r['pci.bus_id'] ?? null,
        computeCapability: r['compute_cap'] ?? null,
        powerLimitW: numberOrNull(r['power.limit']),
        maxSmClockMHz: numberOrNull(r['clocks.max.sm']),
        maxMemClockMHz: numberOrNull(r['clocks.max.mem']),
        source: 'nvidia-smi',
      },
    ];
  });
}

/** True when nvidia-smi rejected a query because a field is unknown to this driver (it exits 2 and says so). */
export function isUnknownFieldError(output: string): boolean {
  return /is not a valid field to query/i.test(output);
}

/** `CUDA Version: 12.4` from the banner of plain `nvidia-smi`: the highest CUDA the driver supports. */
export function parseCudaVersion(banner: string): string | null {
  return /CUDA Version:\s*([0-9]+(?:\.[0-9]+)*)/.exec(banner)?.[1] ?? null;
}

/** A process holding a CUDA context, from `--query-compute-apps`. */
export interface GpuProcess {
  pid: number;
  name: string;
  /** Device memory it holds in MiB; null where the driver cannot tell (Windows WDDM prints `[N/A]`). */
  usedMemoryMiB: number | null;
}

/** Parses `--query-compute-apps=pid,process_name,used_memory` output. "No running processes found" yields []. */
export function parseNvidiaComputeApps(text: string): GpuProcess[] {
  return parseNvidiaCsv(text, NVIDIA_COMPUTE_APPS_FIELDS).flatMap((r): GpuProcess[] => {
    const pid = numberOrNull(r['pid']);
    if (pid === null) return [];
    return [{ pid, name: r['process_name'] ?? 'unknown', usedMemoryMiB: numberOrNull(r['used_memory']) }];
  });
}

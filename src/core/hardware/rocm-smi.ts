import type { Gpu } from '../../shared/domain/system';

/**
 * Parsers for `rocm-smi --json` output. rocm-smi builds its JSON from the lines it would print (`key: value`), so
 * every value is a string, key spelling changed between releases ("Card series" in ROCm 5, "Card Series" in 6), fields
 * a card does not support are simply absent, and a warning line may precede the JSON ("WARNING: AMD GPU device(s)
 * is/are in a low-power state…"). These parsers accept all of that.
 */

/** Arguments of the detection call (`--showbus` and `--showmaxpower` add the PCI address and power cap). */
export const ROCM_DETECT_ARGS = [
  '--showproductname',
  '--showmeminfo',
  'vram',
  '--showdriverversion',
  '--showbus',
  '--showmaxpower',
  '--json',
] as const;

/** Arguments of one telemetry poll (`--showmeminfo vram` added so memory used is in bytes, not only a percentage). */
export const ROCM_TELEMETRY_ARGS = [
  '--showpower',
  '--showtemp',
  '--showuse',
  '--showmemuse',
  '--showclocks',
  '--showmeminfo',
  'vram',
  '--json',
] as const;

/** One `cardN` object with lower-cased keys, plus its index N. */
export interface RocmCard {
  index: number;
  fields: Map<string, string>;
}

/** What one rocm-smi JSON document holds. */
export interface RocmDocument {
  cards: RocmCard[];
  /** Lower-cased keys of the `system` object (driver version, PIDs). */
  system: Map<string, string>;
}

/**
 * Extracts the JSON object from rocm-smi output (skipping any warning lines before it).
 * @returns null when there is no parsable JSON object.
 */
export function parseRocmDocument(text: string): RocmDocument | null {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(start, end + 1));
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  const cards: RocmCard[] = [];
  let system = new Map<string, string>();
  for (const [key, value] of Object.entries(parsed)) {
    if (!isRecord(value)) continue;
    if (key === 'system') {
      system = lowerCaseFields(value);
      continue;
    }
    const m = /^card(\d+)$/i.exec(key);
    if (m?.[1] !== undefined) cards.push({ index: Number(m[1]), fields: lowerCaseFields(value) });
  }
  cards.sort((a, b) => a.index - b.index);
  return { cards, system };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lowerCaseFields(obj: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string' || typeof v === 'number') out.set(k.trim().toLowerCase(), String(v).trim());
  }
  return out;
}

/** First present, available value among the given (lower-case) keys. */
export function rocmField(fields: Map<string, string>, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = fields.get(key);
    if (v !== undefined && v !== '' && !/^n\/a\b/i.test(v) && !/^unsupported$/i.test(v)) return v;
  }
  return null;
}

/** A number from a rocm-smi value such as "61.0", "(2482Mhz)", "25753026560". Null when absent or not numeric. */
export function rocmNumber(value: string | null): number | null {
  if (value === null) return null;
  const m = /-?\d+(?:\.\d+)?/.exec(value);
  if (!m) return null;
  const n = Number(m[0]);
  return Number.isFinite(n) ? n : null;
}

const BYTES_PER_MIB = 1024 * 1024;

/** Bytes (as rocm-smi prints them) to MiB, or null. */
export function bytesToMiB(value: string | null): number | null {
  const n = rocmNumber(value);
  return n === null ? null : Math.round(n / BYTES_PER_MIB);
}

/** The product name of a card: market name where rocm-smi has one, else the PCI device id. */
function cardName(fields: Map<string, string>): string {
  const series = rocmField(fields, 'card series', 'device name', 'marketing name');
  if (series) return series;
  const model = rocmField(fields, 'card model');
  return model ? `AMD GPU ${model}` : 'AMD GPU';
}

/** Parses the detection call ({@link ROCM_DETECT_ARGS}) into GPUs. */
export function parseRocmGpuList(text: string): Gpu[] {
  const doc = parseRocmDocument(text);
  if (!doc) return [];
  const driver = rocmField(doc.system, 'driver version');
  return doc.cards.map(
    (card): Gpu => ({
      index: card.index,
      vendor: 'amd',
      name: cardName(card.fields),
      vramMiB: bytesToMiB(rocmField(card.fields, 'vram total memory (b)')),
      driver,
      pciBus: rocmField(card.fields, 'pci bus'),
      // ROCm's counterpart of a compute capability is the gfx target (gfx1100, gfx942), printed by ROCm 6+.
      computeCapability: rocmField(card.fields, 'gfx version'),
      powerLimitW: rocmNumber(rocmField(card.fields, 'max graphics package power (w)')),
      maxSmClockMHz: null,
      maxMemClockMHz: null,
      source: 'rocm-smi',
    }),
  );
}

/** A process using an AMD GPU, from the `system` object's `PID<n>` entries (`--showpids --json`). */
export interface RocmProcess {
  pid: number;
  name: string;
  /** VRAM held in MiB, when rocm-smi printed it. */
  usedMemoryMiB: number | null;
}

/** Parses `rocm-smi --showpids --json`: `"PID1234": "python3, 1, 2147483648, 0, 0"` (name, GPUs, VRAM bytes, …). */
export function parseRocmPids(text: string): RocmProcess[] {
  const doc = parseRocmDocument(text);
  if (!doc) return [];
  const out: RocmProcess[] = [];
  for (const [key, value] of doc.system) {
    const m = /^pid(\d+)$/.exec(key);
    if (!m?.[1]) continue;
    const parts = value.split(',').map((p) => p.trim());
    out.push({ pid: Number(m[1]), name: parts[0] || 'unknown', usedMemoryMiB: bytesToMiB(parts[2] ?? null) });
  }
  return out;
}

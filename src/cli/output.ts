import { fitTable } from './table-fit';

/** Where CLI output goes; injected so tests can capture it. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  isTty: boolean;
}

export const processIo: CliIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  isTty: Boolean(process.stderr.isTTY),
};

export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value)}\n`);
}

/**
 * A plain aligned text table, every cell uncut (no colours: it goes to logs as often as to terminals). Tables that
 * must fit a terminal use `fitTable` (./table-fit) directly; this is the same function with nothing shrinking.
 */
export function formatTable(headers: string[], rows: (string | number | null)[][]): string {
  return fitTable(headers.map((header) => ({ header })), rows, { isWide: true });
}

/** A number with 3–4 significant digits, the way benchmark tables read best. */
export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const abs = Math.abs(v);
  if (abs >= 1000) return v.toFixed(0);
  if (abs >= 100) return v.toFixed(1);
  if (abs >= 1) return v.toFixed(2);
  return v.toPrecision(3);
}

export function formatPercent(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined ? '–' : `${(fraction * 100).toFixed(1)} %`;
}

export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

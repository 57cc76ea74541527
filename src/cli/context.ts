import type { RigmarkCore } from '../core/app/rigmark-core';
import type { CliIo } from './output';

/** What every command gets: a way to open the core (lazily: `--help` must not touch the database) and its output. */
export interface CliContext {
  openCore(): Promise<RigmarkCore>;
  io: CliIo;
  /** Sets the process exit code (0 all ran, 1 some failed, 2 bad usage). */
  setExitCode(code: number): void;
}

/** A usage error: exit code 2 with the message. */
export class UsageError extends Error {}

export function parsePositiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number (got "${value}")`);
  return n;
}

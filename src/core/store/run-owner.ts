import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The process that owns a `running` run. A PID alone is not enough: once the owner dies its PID can be handed to
 * an unrelated process, and the run would look alive forever. `start` pins the PID to one process lifetime where
 * the OS tells it; `token` is random per process, so this process recognises its own runs on every OS.
 */
export interface RunOwner {
  pid: number;
  /** Random per process; null for runs stored before schema version 2. */
  token: string | null;
  /** The process's start instant as the OS reports it (Linux only); null where unknown. */
  start: string | null;
}

/**
 * A process's start instant on Linux: the boot id plus field 22 of `/proc/<pid>/stat` (start time in clock ticks
 * since boot). The boot id makes it unique across reboots, when tick counts start again. Null elsewhere, or when
 * the process is gone or its `/proc` entry cannot be read.
 */
export function processStart(pid: number, platform: NodeJS.Platform = process.platform): string | null {
  // Other systems' /proc (if any) has another layout; there the per-process token and PID liveness have to do.
  if (platform !== 'linux') return null;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Field 2 (the command name) is in parentheses and may itself hold spaces or ')': count from the last ')'.
  // What follows it starts at field 3, so field 22 is the 20th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = fields[19];
  if (ticks === undefined || !/^\d+$/.test(ticks)) return null;
  let bootId = '';
  try {
    bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    // Without a boot id the tick count still tells two processes of one boot apart.
  }
  return `${bootId}:${ticks}`;
}

let own: RunOwner | undefined;

/** This process as a run owner (computed once: none of it changes while the process lives). */
export function currentRunOwner(): RunOwner {
  own ??= { pid: process.pid, token: randomUUID(), start: processStart(process.pid) };
  return own;
}

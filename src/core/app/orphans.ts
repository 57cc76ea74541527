import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { currentRunOwner, processStart, type RunOwner } from '../store/run-owner';

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process that started a run still lives: the PID exists and, where the OS tells a process's start
 * instant (Linux), it is the same process that recorded the run — not a later one that got the PID after the
 * owner died. This process's own PID is judged by its per-process token. Where nothing but the PID was recorded
 * (runs from before schema version 2) or the start cannot be read (another user's process under hidepid), PID
 * liveness decides, as it did before.
 */
export function isRunOwnerAlive(owner: RunOwner, isAlive: (pid: number) => boolean = isProcessAlive): boolean {
  const self = currentRunOwner();
  if (owner.pid === self.pid && owner.token !== null) return owner.token === self.token;
  if (!isAlive(owner.pid)) return false;
  if (owner.start === null) return true;
  const liveStart = processStart(owner.pid);
  return liveStart === null || liveStart === owner.start;
}

/**
 * Removes scratch folders (`<pid>-r<resultId>`) whose owning process is gone — left by a Rigmark killed mid-run.
 * Folders of live processes (another Rigmark running beside this one) are left alone.
 */
export function removeOrphanScratch(scratchDir: string, isAlive: (pid: number) => boolean = isProcessAlive): string[] {
  let entries: string[];
  try {
    entries = readdirSync(scratchDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of entries) {
    const pid = Number(name.split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) continue;
    rmSync(join(scratchDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

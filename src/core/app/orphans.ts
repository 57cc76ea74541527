import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

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

import { WorkerMessageSchema } from '../../../../shared/worker-protocol';
import type { WorkerJob, WorkerMessage } from '../../../../shared/worker-protocol';
import { createForkLauncher } from '../../runner/fork-launcher';
import type { WorkerExit } from '../../runner/worker-launcher';

/** What a worker process did with one job. */
export interface ChildJobOutcome {
  messages: WorkerMessage[];
  exit: WorkerExit;
  stderrTail: string;
}

/**
 * Runs one job in a real worker process (the production fork launcher and harness), for tests and the fidelity
 * script: llama.cpp may abort its process on a malformed model, and a test runner must survive that.
 * @param timeoutMs the worker is killed after this long and the outcome returned as it stands.
 */
export function runJobInChild(job: Omit<WorkerJob, 'type'>, timeoutMs = 120_000): Promise<ChildJobOutcome> {
  const handle = createForkLauncher().launch();
  const messages: WorkerMessage[] = [];
  return new Promise((resolve) => {
    const timer = setTimeout(() => handle.kill(), timeoutMs);
    handle.onMessage((raw) => {
      const parsed = WorkerMessageSchema.safeParse(raw);
      if (!parsed.success) return;
      if (parsed.data.type === 'ready') handle.send({ type: 'job', ...job });
      else messages.push(parsed.data);
    });
    handle.onExit((exit) => {
      clearTimeout(timer);
      resolve({ messages, exit, stderrTail: handle.stderrTail() });
    });
  });
}

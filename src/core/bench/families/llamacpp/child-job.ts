import { WorkerMessageSchema } from '../../../../shared/worker-protocol';
import type { WorkerJob, WorkerMessage } from '../../../../shared/worker-protocol';
import { createForkLauncher } from '../../runner/fork-launcher';
import { LLAMACPP_WORKER_ENV } from './definitions';
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
 * The worker gets {@link LLAMACPP_WORKER_ENV}, as the app's launcher should give llama.cpp workers.
 * @param timeoutMs the worker is killed after this long and the outcome returned as it stands.
 * @param env extra variables over the parent's environment (experiments: another `UV_THREADPOOL_SIZE`).
 */
export function runJobInChild(job: Omit<WorkerJob, 'type'>, timeoutMs = 120_000, env: NodeJS.ProcessEnv = {}): Promise<ChildJobOutcome> {
  const handle = createForkLauncher({ env: { ...process.env, ...LLAMACPP_WORKER_ENV, ...env } }).launch();
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

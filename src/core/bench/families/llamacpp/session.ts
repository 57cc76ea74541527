import { totalmem } from 'node:os';
import type { Llama, LlamaContext, LlamaContextSequence, LlamaModel } from 'node-llama-cpp';
import { UnavailableError } from '../../worker/types';
import type { WorkerContext } from '../../worker/types';
import type { LlamaBackend } from './backend';
import { formatGiB, planMemory } from './memory-plan';
import { resolveModel } from './model-source';
import type { ResolvedModel } from './model-source';
import { effectiveBatchSize, parseLlamaParams, parseModelRef } from './params';
import type { LlamaParams } from './params';
import { PerfLogCollector } from './perf-log';
import { loadLlamaRuntime } from './runtime';
import type { RuntimeInfo } from './runtime';

/** Which llama-bench test a session runs. */
export type LlamaTest = 'pp' | 'tg';

/** Everything a loaded benchmark holds between setup and teardown. */
export interface LlamaSession {
  test: LlamaTest;
  params: LlamaParams;
  backend: LlamaBackend;
  threads: number;
  /** node-llama-cpp batch (= llama.cpp n_batch = n_ubatch for it); see `effectiveBatchSize`. */
  batchSize: number;
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  sequence: LlamaContextSequence;
  runtime: RuntimeInfo;
  resolved: ResolvedModel;
  /** Layers llama.cpp put on the GPU (0 on the CPU backend). */
  gpuLayers: number;
  loadMs: number;
  /** GPU memory in use after loading the model and context; null on the CPU backend. */
  vramUsedMiB: number | null;
  perf: PerfLogCollector;
  notes: string[];
}

/** Context size of each test, as llama-bench sets `n_ctx = n_prompt + n_gen`. */
export function contextSizeFor(test: LlamaTest, promptTokens: number, genTokens: number): number {
  return test === 'pp' ? promptTokens : genTokens;
}

/** Forwards llama.cpp's warnings and errors to stderr (the parent keeps its tail for failed results). */
function forwardLog(level: string, message: string): void {
  if (level === 'warn' || level === 'error' || level === 'fatal') process.stderr.write(`[llama.cpp ${level}] ${message}\n`);
}

async function planGpuLayers(llama: Llama, backend: LlamaBackend, params: LlamaParams, modelBytes: number, notes: string[]) {
  const vramBytes = backend === 'cpu' || backend === 'metal' ? null : (await llama.getVramState()).total || null;
  const plan = planMemory({ modelBytes, totalRamBytes: totalmem(), backend, vramBytes });
  if (!plan.fitsRam) throw new UnavailableError(plan.reason ?? 'model does not fit in memory', 'pick a smaller model');
  if (backend === 'cpu') return 0;
  if (params.gpuLayers === 'max' && plan.offload === 'partial') {
    notes.push(`partial offload: ${plan.reason ?? 'model larger than VRAM'}`);
    return 'auto' as const;
  }
  return params.gpuLayers;
}

async function loadModel(session: Pick<LlamaSession, 'llama' | 'backend' | 'params' | 'notes'>, resolved: ResolvedModel, signal: AbortSignal) {
  const gpuLayers = await planGpuLayers(session.llama, session.backend, session.params, resolved.facts.modelBytes, session.notes);
  const start = performance.now();
  const model = await session.llama.loadModel({
    modelPath: resolved.path,
    gpuLayers,
    defaultContextFlashAttention: session.params.flashAttention,
    loadSignal: signal,
  });
  return { model, loadMs: performance.now() - start };
}

async function vramUsedMiB(llama: Llama, backend: LlamaBackend): Promise<number | null> {
  if (backend === 'cpu') return null;
  const state = await llama.getVramState();
  return state.used / (1024 * 1024);
}

async function createTestContext(model: LlamaModel, params: LlamaParams, threads: number, contextSize: number) {
  const batchSize = effectiveBatchSize(params, contextSize);
  const context = await model.createContext({
    contextSize,
    batchSize,
    sequences: 1,
    threads,
    flashAttention: params.flashAttention,
    performanceTracking: true,
    failedCreationRemedy: false,
  });
  return { context, batchSize };
}

/** Facts about the setup a reader of the result needs: thread count honoured, pool size, offload, load time. */
function setupNotes(facts: { backend: LlamaBackend; threads: number; actualThreads: number; resolved: ResolvedModel; gpuLayers: number; loadMs: number }): string[] {
  const notes: string[] = [];
  if (facts.actualThreads !== facts.threads) notes.push(`llama.cpp runs ${facts.actualThreads} threads, ${facts.threads} were asked`);
  const pool = process.env.UV_THREADPOOL_SIZE;
  if (facts.backend === 'cpu' && pool !== '1') {
    notes.push(`libuv thread pool of ${pool ?? 'default 4'} threads: CPU generation reads low (start llama.cpp workers with UV_THREADPOOL_SIZE=1)`);
  }
  if (facts.resolved.wasGenerated) notes.push(`synthetic model ${facts.resolved.facts.modelKey} generated for this run`);
  notes.push(`model ${formatGiB(facts.resolved.facts.modelBytes)}, ${facts.gpuLayers} layers on the GPU, load ${Math.round(facts.loadMs)} ms`);
  return notes;
}

/**
 * Loads everything a test needs: model file (generated or the user's, header checked first), the binding for the
 * backend the parent chose, the model (load time recorded) and a context sized for the test with fixed threads.
 * @throws UnavailableError when the backend or memory rule out the run; Error for a damaged model file.
 */
export async function openSession(ctx: WorkerContext, test: LlamaTest, lengths: { prompt: number; gen: number }): Promise<LlamaSession> {
  const params = parseLlamaParams(ctx.job.params);
  const resolved = await resolveModel(parseModelRef(params.model), { dataDir: ctx.job.dataDir, reportPhase: (p) => ctx.reportPhase(p), signal: ctx.signal });
  // The parent fills `backend` from the system snapshot; without it the only safe choice is the CPU.
  const backend = params.backend ?? 'cpu';
  const perf = new PerfLogCollector(forwardLog);
  ctx.reportPhase('loading model');
  const { llama, info: runtime } = await loadLlamaRuntime(backend, perf.onLog);
  const notes: string[] = [];
  const { model, loadMs } = await loadModel({ llama, backend, params, notes }, resolved, ctx.signal);
  try {
    const threads = params.threads ?? llama.cpuMathCores;
    const { context, batchSize } = await createTestContext(model, params, threads, contextSizeFor(test, lengths.prompt, lengths.gen));
    notes.push(...setupNotes({ backend, threads, actualThreads: context.currentThreads, resolved, gpuLayers: model.gpuLayers, loadMs }));
    const session: LlamaSession = {
      test, params, backend, threads, batchSize, llama, model, context, sequence: context.getSequence(), runtime, resolved,
      gpuLayers: backend === 'cpu' ? 0 : model.gpuLayers, loadMs, vramUsedMiB: await vramUsedMiB(llama, backend), perf, notes,
    };
    // Counters start at context creation; reset them so the first repetition reports only itself.
    await context.printTimings();
    perf.take();
    return session;
  } catch (error) {
    await model.dispose();
    throw error;
  }
}

/** Frees the context and the model; the binding stays for the process (see `loadLlamaRuntime`). */
export async function closeSession(session: LlamaSession): Promise<void> {
  await session.context.dispose();
  await session.model.dispose();
}

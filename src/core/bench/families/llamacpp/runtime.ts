import { getLlama, getModuleVersion, LlamaLogLevel, NoBinaryFoundError } from 'node-llama-cpp';
import type { Llama } from 'node-llama-cpp';
import { UnavailableError } from '../../worker/types';
import type { LlamaBackend } from './backend';

/** What the binding reports about itself, for identity. */
export interface RuntimeInfo {
  /** llama.cpp release bundled with node-llama-cpp (its `llama/llama.cpp.info.json` tag). */
  engineVersion: string;
  /** `'node-llama-cpp 3.21.1'`. */
  bindingVersion: string;
  /** `localBuild` when a build made on this machine was picked over the prebuilt binaries. */
  buildType: 'localBuild' | 'prebuilt';
}

/** Receives llama.cpp's log lines; the worker collects perf counters from them and forwards warnings. */
export type LlamaLogger = (level: string, message: string) => void;

function loadedBackend(llama: Llama): LlamaBackend {
  return llama.gpu === false ? 'cpu' : llama.gpu;
}

let logSink: LlamaLogger = () => {};
const runtimes = new Map<LlamaBackend, Promise<{ llama: Llama; info: RuntimeInfo }>>();

async function createRuntime(backend: LlamaBackend): Promise<{ llama: Llama; info: RuntimeInfo }> {
  let llama: Llama;
  try {
    llama = await getLlama({
      gpu: backend === 'cpu' ? false : backend,
      build: 'never',
      usePrebuiltBinaries: true,
      skipDownload: true,
      progressLogs: false,
      // Info level carries llama_perf_context_print, which is how the per-repetition counters arrive.
      logLevel: LlamaLogLevel.info,
      logger: (level, message) => logSink(level, message),
      maxThreads: 0,
    });
  } catch (error) {
    const detail = error instanceof NoBinaryFoundError ? 'no prebuilt binary for it is installed' : (error as Error).message;
    throw new UnavailableError(
      `node-llama-cpp cannot load its ${backend} backend here: ${detail}`,
      backend === 'cpu' ? 'reinstall node-llama-cpp' : `install the node-llama-cpp ${backend} binaries, or run with backend=cpu`,
    );
  }
  // On Linux and Windows node-llama-cpp maps a platform-foreign choice (e.g. metal) to "auto": never accept a
  // backend we did not ask for, or a CPU run would be labelled as a GPU one.
  if (loadedBackend(llama) !== backend) {
    const got = loadedBackend(llama);
    await llama.dispose();
    throw new UnavailableError(`node-llama-cpp loaded ${got} when ${backend} was requested`);
  }
  const version = await getModuleVersion();
  const info: RuntimeInfo = { engineVersion: llama.llamaCppRelease.release, bindingVersion: `node-llama-cpp ${version}`, buildType: llama.buildType };
  return { llama, info };
}

/**
 * node-llama-cpp's binding for exactly `backend`, loaded offline: no source download, no build, prebuilt binaries
 * (or a build already made on this machine) only. `maxThreads: 0` lifts the binding's thread cap so the context's
 * `threads` is the thread count llama.cpp uses, as llama-bench `-t` sets it.
 *
 * One instance per backend and process, never disposed by sessions: node-llama-cpp 3.21.1 frees the llama.cpp
 * backend for the whole process on `Llama.dispose()`, and a second `getLlama` loses its logger (the old logger's
 * release races the new one), so per-repetition counters would stop arriving. Worker processes run one job and
 * exit; tests and the fidelity script run several sessions on the shared instance.
 * @param logger receives llama.cpp's log lines from now on (the current session's perf collector).
 * @throws UnavailableError when no binary for that backend loads here, or the binding silently picked another.
 */
export async function loadLlamaRuntime(backend: LlamaBackend, logger: LlamaLogger): Promise<{ llama: Llama; info: RuntimeInfo }> {
  logSink = logger;
  let runtime = runtimes.get(backend);
  if (!runtime) {
    runtime = createRuntime(backend);
    runtimes.set(backend, runtime);
    // A failed load is not cached: the next session may try again (e.g. after a driver install).
    runtime.catch(() => runtimes.delete(backend));
  }
  return runtime;
}

/// <reference types="@webgpu/types" />
/**
 * Runs one `gpu` benchmark (setup, N measures, teardown) in this process and prints one JSON line. Tests start it
 * as a child (`node --import tsx child-runner.ts '<json>'`) because Dawn's state is process-global, the Vulkan
 * loader reads its environment only at process start, and a native error can abort the whole process.
 *
 * Modes: `run` (the default) runs a benchmark; `compile-null` compiles every kernel on Dawn's null backend, which
 * validates WGSL (f16 included) without executing it — the only way to check the f16 kernel where no adapter has
 * shader-f16.
 */
import { UnavailableError, type WorkerContext } from '../../worker/types';
import { COPY_SHADER } from './bandwidth';
import { createPipeline, errorMessage, loadDawn } from './dawn';
import { matmulShader } from './matmul-kernel';
import { benchmarks } from './worker';

export interface ChildRequest {
  mode?: 'run' | 'compile-null';
  benchmarkId?: string;
  params?: Record<string, unknown>;
  measures?: number;
}

async function run(request: ChildRequest): Promise<Record<string, unknown>> {
  const id = request.benchmarkId ?? '';
  const benchmark = benchmarks[id];
  if (!benchmark) throw new Error(`unknown benchmark ${id}`);
  const ctx: WorkerContext = {
    job: {
      type: 'job',
      benchmarkId: id,
      params: request.params ?? {},
      repetitions: { warmups: 0, planned: 1, max: 1, cvThreshold: 0.035 },
      scratchDir: '/nonexistent',
      dataDir: '/nonexistent',
    },
    reportPhase: () => undefined,
    signal: new AbortController().signal,
  };
  const state = await benchmark.setup(ctx);
  try {
    const samples = [];
    for (let i = 0; i < (request.measures ?? 2); i++) samples.push(await benchmark.measure(state as never, ctx, i));
    return { ok: true, samples, identity: benchmark.identity(state as never, ctx), notes: benchmark.notes?.(state as never) ?? [] };
  } finally {
    await benchmark.teardown?.(state as never);
  }
}

/** Dawn instances held until the process exits (see compileOnNullBackend). */
const keepAlive: GPU[] = [];

async function compileOnNullBackend(): Promise<Record<string, unknown>> {
  const dawn = await loadDawn();
  // The instance must outlive its adapter and device: unreferenced, V8 may collect it mid-compile and Dawn then
  // tears down the device under the running pipeline creation (the child died by signal, once in a loaded suite).
  const gpu = dawn.create(['backend=null']);
  keepAlive.push(gpu);
  const adapter = await gpu.requestAdapter();
  if (!adapter) throw new Error('Dawn null backend gave no adapter');
  const device = await adapter.requestDevice({ requiredFeatures: ['shader-f16'] });
  try {
    const compiled: string[] = [];
    for (const [label, code, constants] of [
      ['matmul-f32', matmulShader('f32'), { N: 128 }],
      ['matmul-f16', matmulShader('f16'), { N: 128 }],
      ['copy', COPY_SHADER, { WIDTH: 4 }],
    ] as const) {
      await createPipeline(device, label, code, constants);
      compiled.push(label);
    }
    return { ok: true, compiled };
  } finally {
    device.destroy();
  }
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '{}') as ChildRequest;
  let result: Record<string, unknown>;
  try {
    result = request.mode === 'compile-null' ? await compileOnNullBackend() : await run(request);
  } catch (error) {
    result =
      error instanceof UnavailableError
        ? { ok: false, kind: 'unavailable', message: error.message, howToEnable: error.howToEnable ?? null }
        : { ok: false, kind: 'error', message: errorMessage(error) };
  }
  // Dawn's native threads can keep the event loop alive after the device is destroyed (seen once in a full-suite
  // run: the test waited for an exit that never came). The answer is written: leave explicitly once it is flushed,
  // as the worker entry does.
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
}

await main();

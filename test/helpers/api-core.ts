/**
 * The real core (`createRigmarkCore`) for the API, web-server and main-process suites, on a fresh temp data dir.
 * One thing is swapped: the benchmark catalogue is a single fixture benchmark that is never available, so a run
 * goes through the real planner, store and event path (run-started → run-finished) without spawning workers —
 * those suites test transports, not benchmarks.
 */
import { createRigmarkCore } from '../../src/core/app/create-core';
import type { RigmarkCore } from '../../src/core/app/rigmark-core';
import type { BenchmarkDefinition } from '../../src/core/bench/definition';
import type { Channel, ChannelInput } from '../../src/shared/api/contract';
import { makeTempDir } from './temp-dir';

export const FIXTURE_BENCHMARK_ID = 'fixture.unavailable';

const fixture: BenchmarkDefinition = {
  id: FIXTURE_BENCHMARK_ID,
  family: 'system',
  title: 'Fixture',
  description: 'A benchmark that is never available (transport tests).',
  category: 'system',
  unit: 'ops/s',
  higherIsBetter: true,
  defaultRepetitions: 1,
  warmups: 0,
  timeoutMs: 1000,
  suites: ['quick'],
  estimatedMs: 1,
  checkAvailability: async () => ({ isAvailable: false, reason: 'fixture benchmark: never available' }),
};

/** A real core on a temp dir; `cleanup` closes it and removes the dir. */
export async function createApiTestCore(): Promise<{ core: RigmarkCore; cleanup: () => Promise<void> }> {
  const temp = makeTempDir('rigmark-api-');
  const core = await createRigmarkCore({ dataDir: temp.dir, definitions: [fixture] });
  return {
    core,
    cleanup: async () => {
      await core.close();
      temp.cleanup();
    },
  };
}

/**
 * A valid input for every channel (typed per channel, so a new channel fails to compile here until added).
 * `runId` must be a finished run of `core`: `runs:import` gets its real JSON export. `resultId` defaults to 1: the
 * first result of the first run on a fresh data dir.
 */
export function validApiInputs(core: RigmarkCore, runId: number, resultId = 1): { [C in Channel]: ChannelInput<C> } {
  return {
    'app:info': {},
    'system:get': {},
    'benchmarks:list': {},
    'runs:plan': { benchmarkIds: [FIXTURE_BENCHMARK_ID] },
    'runs:start': { benchmarkIds: [FIXTURE_BENCHMARK_ID] },
    'runs:cancel': { runId },
    'runs:list': { limit: 10 },
    'runs:get': { runId },
    'runs:export': { runId, format: 'json' },
    'runs:import': { content: core.exportRun(runId, 'json') },
    'runs:history': { benchmarkId: FIXTURE_BENCHMARK_ID },
    'settings:get': {},
    'runs:telemetry': { resultId },
    'runs:preflight': { benchmarkIds: [FIXTURE_BENCHMARK_ID] },
    'settings:update': { theme: 'light' },
    'compare:run': { runId },
    'compare:cards': { ref: 'a100', vs: 'rtx-4090' },
    'compare:export': { kind: 'cards', ref: 'a100', vs: 'rtx-4090', format: 'csv' },
    'compare:upgrade': { runId, target: 'rtx-4090' },
    'reference:cards': {},
    'reference:figures': { gpuKey: 'a100' },
    'models:list': {},
    'models:generate': { name: 'tiny' },
  };
}

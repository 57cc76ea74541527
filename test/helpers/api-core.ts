/**
 * The real core (`createRigmarkCore`) for the API, web-server and main-process suites, on a fresh temp data dir.
 * One thing is swapped: the benchmark catalogue is a single quick fixture benchmark, so a run goes through the real
 * planner, worker, store and event path in about a second — those suites test transports, not benchmarks.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRigmarkCore } from '../../src/core/app/create-core';
import type { RigmarkCore } from '../../src/core/app/rigmark-core';
import type { BenchmarkDefinition } from '../../src/core/bench/definition';
import { createForkLauncher } from '../../src/core/bench/runner/fork-launcher';
import { FIXTURE_WORKER_ENTRY, fixtureDefinitions } from '../fixtures/bench/fixture-definitions';
import type { Channel, ChannelInput } from '../../src/shared/api/contract';
import { makeTempDir } from './temp-dir';

export const FIXTURE_BENCHMARK_ID = 'fixture.steady';
/** A user reference file with a card of its own and a figure for the A100 (test/fixtures/reference/README.md). */
export const FLEET_REFERENCE_FIXTURE = fileURLToPath(new URL('../fixtures/reference/fleet.json', import.meta.url));

/**
 * One quick fixture benchmark in a real worker process (test/fixtures/bench): a run needs something that can run —
 * core refuses a run in which nothing can.
 */
const fixture: BenchmarkDefinition = { ...fixtureDefinitions.find((d) => d.id === FIXTURE_BENCHMARK_ID)!, suites: ['quick'], defaultRepetitions: 3 };

/** A real core on a temp dir; `cleanup` closes it and removes the dir. */
export async function createApiTestCore(): Promise<{ core: RigmarkCore; cleanup: () => Promise<void> }> {
  const temp = makeTempDir('rigmark-api-');
  const core = await createRigmarkCore({ dataDir: temp.dir, definitions: [fixture], launcher: createForkLauncher({ entry: FIXTURE_WORKER_ENTRY }) });
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
    'runs:headline': { runId },
    'reference:cards': {},
    'reference:figures': { gpuKey: 'a100' },
    'reference:files': {},
    // Added, then removed again by the next entry: `reference:add` comes first in the contract.
    'reference:add': { fileName: 'api-test.json', content: readFileSync(FLEET_REFERENCE_FIXTURE, 'utf8') },
    'reference:remove': { name: 'api-test.json' },
    'models:list': {},
    'models:generate': { name: 'tiny' },
  };
}

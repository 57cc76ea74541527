import { mkdirSync } from 'node:fs';
import type { BenchmarkInfo } from '../../shared/domain/benchmark';
import type { CoreEvent } from '../../shared/domain/events';
import type { RunRequest } from '../../shared/domain/run';
import type { SystemSnapshot } from '../../shared/domain/system';
import { catalogue } from '../bench/catalogue';
import type { AvailabilityContext, BenchmarkDefinition } from '../bench/definition';
import { learnedPlanOptions } from '../bench/estimates/learned-estimator';
import { planRun } from '../bench/planner';
import { probeWebGpu } from '../bench/families/gpu/probe-webgpu';
import { createForkLauncher } from '../bench/runner/fork-launcher';
import type { InstanceTelemetry } from '../bench/runner/run-executor';
import type { RunRecorderOptions } from '../bench/runner/run-recorder';
import type { WorkerLauncher } from '../bench/runner/worker-launcher';
import { RigmarkError, errorMessage } from '../errors';
import { detectSystem } from '../hardware/detect-system';
import { resolvePaths } from '../paths';
import { exportRun } from '../report/export-run';
import type { TelemetryRecord } from '../store/telemetry-repo';
import { createStore } from '../store/store';
import { RIGMARK_VERSION } from '../version';
import { isRunOwnerAlive, removeOrphanScratch } from './orphans';
import type { RigmarkCore } from './rigmark-core';
import { loadRunDetail, toRunSummary } from './run-details';
import { compareCardsView, compareRunView, exportComparisonFile, referenceCards, referenceFigures, upgradeView } from './comparisons';
import { headlineOf } from './headline';
import { createReferenceLibrary } from '../reference';
import { historyOf } from './history';
import { importRun } from './import-run';
import { checkedModelParams, modelParams } from './model-param';
import { assertSomethingRuns, startPlannedRun, type StartedRun } from './start-run';
import { generateSynthetic, listModels } from './models';
import { preflightPlan } from './preflight';
import { plannedInstance } from './record-plan';
import { vendorToolTelemetry } from './telemetry';
import { telemetryTimeline } from './telemetry-timeline';

export interface CreateCoreOptions {
  dataDir?: string;
  /** Electron's userData, used when neither `dataDir` nor RIGMARK_DATA_DIR is set. */
  fallbackDataDir?: string;
  launcher?: WorkerLauncher;
  definitions?: readonly BenchmarkDefinition[];
  /** Folder of the bundled reference dataset (a packaged app's resources); default: `defaultReferenceDir()`. */
  referenceDir?: string;
  detect?: () => Promise<SystemSnapshot>;
  /** better-sqlite3 binary for Electron's ABI. */
  nativeBinding?: string;
  createTelemetry?: (onRow: (row: TelemetryRecord) => void) => InstanceTelemetry | null;
  now?: () => Date;
  /** How long a run waits for a locked or full database, and how many writes it holds meanwhile (tests shorten). */
  recorder?: RunRecorderOptions;
}

const BUSY_TIMEOUT_MS = 1000;

/** On close, how long writes still waiting for the store are given before they are dropped. */
const CLOSE_FLUSH_MS = 5000;

/**
 * Opens the data dir and returns the facade every shell uses. On open, runs left `running` by a dead process
 * become `interrupted` (their samples stay) and scratch files of dead processes are removed.
 */
export async function createRigmarkCore(options: CreateCoreOptions = {}): Promise<RigmarkCore> {
  const paths = resolvePaths({ dataDir: options.dataDir, fallbackDataDir: options.fallbackDataDir });
  mkdirSync(paths.dataDir, { recursive: true });
  // A short busy wait: better-sqlite3 waits synchronously, so a long one would freeze the UI and IPC while another
  // program holds the lock. Rigmark's own writes are brief; a longer lock is waited out by the run recorder's retries.
  const store = createStore(paths.dbFile, { nativeBinding: options.nativeBinding, busyTimeoutMs: BUSY_TIMEOUT_MS });
  const now = options.now ?? (() => new Date());
  const definitions = options.definitions ?? catalogue;
  const launcher = options.launcher ?? createForkLauncher();
  // The WebGPU probe runs in a worker through the same launcher as benchmarks (Dawn may abort its process).
  const detect = options.detect ?? (() => detectSystem({ rigmarkVersion: RIGMARK_VERSION, probeWebGpu: () => probeWebGpu(launcher) }));
  store.runs.markOrphansInterrupted((owner) => owner.pid !== process.pid && isRunOwnerAlive(owner), now().toISOString());
  removeOrphanScratch(paths.scratchDir);
  // This data dir's figures: the bundled dataset plus the user's own files in <dataDir>/reference/.
  const reference = createReferenceLibrary({ userDir: paths.referenceDir, bundledDir: options.referenceDir });

  const listeners = new Set<(e: CoreEvent) => void>();
  const emit = (e: CoreEvent): void =>
    listeners.forEach((l) => {
      // A shell's listener that throws (a closed SSE stream, a destroyed window) must not stop the run or the others.
      try {
        l(e);
      } catch {
        /* that listener's loss alone */
      }
    });
  const active = new Map<number, StartedRun>();
  /** Finished runs whose recorder may still hold writes the store has not taken (locked, disk full). */
  const finished = new Set<StartedRun>();
  let snapshot: Promise<SystemSnapshot> | null = null;
  let isStarting = false;
  const getSystem = (refresh = false): Promise<SystemSnapshot> => {
    if (!snapshot || refresh) snapshot = detect();
    return snapshot;
  };
  const availabilityContext = async (params: Record<string, unknown>): Promise<AvailabilityContext> => ({
    snapshot: await getSystem(),
    dataDir: paths.dataDir,
    settings: store.settings.get(),
    params,
  });

  /** The run asked for, else the newest run that has at least one measured result. */
  const runDetailOrLatest = (runId?: number) => {
    const ids = runId !== undefined ? [runId] : store.runs.list(50).map((r) => r.id);
    for (const id of ids) {
      const detail = loadRunDetail(store, id);
      if (detail && (runId !== undefined || detail.results.some((r) => r.stats.count > 0))) return detail;
    }
    throw new RigmarkError('NOT_FOUND', runId !== undefined ? `no run ${runId}` : 'no run with results yet: start one with “rigmark run --suite quick” or the Run page');
  };

  const core: RigmarkCore = {
    dataDir: paths.dataDir,
    getSystem: (o) => getSystem(o?.refresh),
    async listBenchmarks(o) {
      const ctx = await availabilityContext(await modelParams(o?.model));
      const out: BenchmarkInfo[] = [];
      for (const d of definitions) {
        const availability = await d.checkAvailability(ctx).catch((e: unknown) => ({ isAvailable: false as const, reason: String(e) }));
        out.push({ id: d.id, title: d.title, description: d.description, category: d.category, unit: d.unit, higherIsBetter: d.higherIsBetter, defaultRepetitions: d.defaultRepetitions, timeoutMs: d.timeoutMs, suites: d.suites, estimatedMs: d.estimatedMs, availability });
      }
      return out;
    },
    async planRun(request) {
      const items = await planRun(request, definitions, await availabilityContext(await checkedModelParams(request.model)), learnedPlanOptions(store));
      return items.map((x, i) => plannedInstance(x, -(i + 1)));
    },
    async preflight(request) {
      const ctx = await availabilityContext(await checkedModelParams(request.model));
      return preflightPlan(await planRun(request, definitions, ctx, learnedPlanOptions(store)), ctx);
    },
    async startRun(request: RunRequest) {
      if (active.size > 0 || isStarting) throw new RigmarkError('CONFLICT', 'a run is already in progress: cancel it or wait for it to finish');
      // Planning awaits (detection, model checks, availability probes): hold the slot so a second start cannot slip
      // in meanwhile, and give it back on every path — a refused start must not block the next one.
      isStarting = true;
      try {
        const ctx = await availabilityContext(await checkedModelParams(request.model));
        const items = await planRun(request, definitions, ctx, learnedPlanOptions(store));
        assertSomethingRuns(items);
        const run = startPlannedRun(request, ctx, items, {
          store,
          launcher,
          scratchDir: paths.scratchDir,
          dataDir: paths.dataDir,
          now,
          emit,
          createTelemetry: options.createTelemetry ?? vendorToolTelemetry(),
          recorder: options.recorder,
        });
        active.set(run.runId, run);
        void run.done.then(() => {
          active.delete(run.runId);
          finished.add(run);
        });
        return { runId: run.runId };
      } finally {
        isStarting = false;
      }
    },
    async waitForRun(runId) {
      await active.get(runId)?.done;
    },
    cancelRun(runId) {
      const run = active.get(runId);
      run?.cancel();
      return run !== undefined;
    },
    listRuns: (o) => store.runs.list(o?.limit ?? 50).map(toRunSummary),
    getRun: (runId) => loadRunDetail(store, runId),
    exportRun(runId, format) {
      const detail = loadRunDetail(store, runId);
      if (!detail) throw new RigmarkError('NOT_FOUND', `no run ${runId}`);
      return exportRun(detail, format);
    },
    importRun: (text) => ({ runId: importRun(store, text, now()) }),
    resultTelemetry(resultId) {
      if (store.results.get(resultId) === null) throw new RigmarkError('NOT_FOUND', `no result ${resultId}`);
      return telemetryTimeline(resultId, store.telemetry.byResult(resultId));
    },
    history: (benchmarkId, o) => historyOf(store, benchmarkId, o?.limit ?? 100),
    compareRun: (o) => compareRunView(runDetailOrLatest(o.runId), o.cards, new Set(definitions.map((d) => d.id)), reference.dataset()),
    compareCards: (o) => compareCardsView(o.ref, o.vs, reference.dataset()),
    exportComparison: (request) => exportComparisonFile(request, (o) => core.compareRun(o), reference.dataset()),
    upgradeGain: (o) => upgradeView(runDetailOrLatest(o.runId), o.target, reference.dataset()),
    headline: (o) => headlineOf(runDetailOrLatest(o?.runId), reference.dataset(), definitions),
    referenceCards: () => referenceCards(reference.dataset()),
    referenceFigures: (gpuKey) => referenceFigures(gpuKey, reference.dataset()),
    referenceFiles: () => reference.files(),
    addReference: (input) => reference.add(input.fileName, input.content, { replace: input.replace }),
    removeReference: (name) => reference.remove(name),
    listModels: () => listModels(store, store.settings.get(), paths.modelsDir),
    async generateModel(name) {
      let lastPct = -1;
      try {
        const out = await generateSynthetic(name, paths.modelsDir, (fraction) => {
          // At most one event per percent: a 16 GB file reports progress thousands of times.
          const pct = Math.floor(fraction * 100);
          if (pct !== lastPct) emit({ type: 'model-progress', name, fraction });
          lastPct = pct;
        });
        emit({ type: 'model-finished', name, isOk: true, message: out.isReused ? 'already generated' : null });
        return out;
      } catch (error) {
        emit({ type: 'model-finished', name, isOk: false, message: errorMessage(error) });
        throw error;
      }
    },
    getSettings: () => store.settings.get(),
    updateSettings(patch) {
      store.settings.update(patch);
      return store.settings.get();
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      for (const run of active.values()) run.cancel();
      await Promise.all([...active.values()].map((r) => r.done));
      // Writes that waited for a locked or full store get a last chance; what the store still refuses is lost.
      for (const run of finished) {
        if (!(await run.flush(CLOSE_FLUSH_MS))) run.abandon();
      }
      store.close();
    },
  };
  return core;
}

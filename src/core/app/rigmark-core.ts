import type { BenchmarkInfo } from '../../shared/domain/benchmark';
import type { CardComparison, RunComparisonView, UpgradeGain } from '../../shared/domain/compare';
import type { ModelsView } from '../../shared/domain/models';
import type { PreflightCheck } from '../../shared/domain/preflight';
import type { CardSummary, ReferenceRecord } from '../../shared/domain/reference';
import type { HistoryPoint, ResultTelemetry, RunDetail, RunSummary } from '../../shared/domain/results';
import type { CoreEvent } from '../../shared/domain/events';
import type { RunRequest, PlannedInstance } from '../../shared/domain/run';
import type { Settings } from '../../shared/domain/settings';
import type { SystemSnapshot } from '../../shared/domain/system';

import type { ComparisonExportRequest, ExportFile, ExportFormat } from '../../shared/domain/export';
import type { Headline } from '../../shared/domain/headline';
import type { UserReferenceFileInfo } from '../../shared/domain/user-reference';

/**
 * The one facade over core that every shell uses: the Electron IPC handlers, the web-mode HTTP server and the CLI.
 * Long work (runs) returns at once; progress arrives through `onEvent`.
 */
export interface RigmarkCore {
  readonly dataDir: string;
  getSystem(options?: { refresh?: boolean }): Promise<SystemSnapshot>;
  listBenchmarks(options?: { model?: string }): Promise<BenchmarkInfo[]>;
  /** Planned instances with availability and estimated time, without starting anything. */
  planRun(request: RunRequest): Promise<PlannedInstance[]>;
  /** Checks before a run (CPU fallback, busy GPU, battery, disk, VRAM), each with a plain fix. */
  preflight(request: RunRequest): Promise<PreflightCheck[]>;
  startRun(request: RunRequest): Promise<{ runId: number }>;
  /** Resolves when the run has finished (any status). */
  waitForRun(runId: number): Promise<void>;
  cancelRun(runId: number): boolean;
  listRuns(options?: { limit?: number }): RunSummary[];
  getRun(runId: number): RunDetail | null;
  exportRun(runId: number, format: ExportFormat): string;
  /** Stores a JSON run export (`exportRun(id, 'json')`) as a new run; BAD_INPUT naming what is wrong, nothing written. */
  importRun(text: string): { runId: number };
  /** One result's telemetry timeline (rows thinned to a cap, throttle reasons decoded); NOT_FOUND for no such result. */
  resultTelemetry(resultId: number): ResultTelemetry;
  history(benchmarkId: string, options?: { limit?: number }): HistoryPoint[];
  /** A run (default: the latest) against reference cards (default: A100, RTX 4090 and the nearest card). */
  compareRun(options: { runId?: number; cards?: string[] }): RunComparisonView;
  /** Card against card, from published figures only. */
  compareCards(options: { ref: string; vs: string }): CardComparison;
  /** A run or card-vs-card comparison as a Markdown or CSV file (the only place comparison exports are built). */
  exportComparison(request: ComparisonExportRequest): ExportFile;
  /** Expected change from a run's figures to a target card's published ones. */
  upgradeGain(options: { runId?: number; target: string }): UpgradeGain;
  /**
   * A run's (default: the latest with results) headline: Rigmark Score and the geometric-mean ratio against each
   * default card with counts; when a card has no ratio, which workloads lack a figure and what would compare.
   */
  headline(options?: { runId?: number }): Headline;
  /** Bundled cards plus those defined in the user's reference files. */
  referenceCards(): CardSummary[];
  referenceFigures(gpuKey: string): ReferenceRecord[];
  /** The user's own reference files in `<dataDir>/reference/`, each loaded or refused with why. */
  referenceFiles(): UserReferenceFileInfo[];
  /** Validates a reference file as a whole, then keeps it; BAD_INPUT naming record and field, nothing kept. */
  addReference(input: { fileName: string; content: string; replace?: boolean }): UserReferenceFileInfo;
  /** Deletes one of the user's reference files; NOT_FOUND when there is none of that name. */
  removeReference(name: string): void;
  /** Models found on disk (read-only) and the synthetic shapes with whether each is generated. */
  listModels(): Promise<ModelsView>;
  /** Writes (or reuses) a synthetic model; progress arrives as `model-progress` events. */
  generateModel(name: string): Promise<{ path: string; isReused: boolean }>;
  getSettings(): Settings;
  updateSettings(patch: Partial<Settings>): Settings;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  close(): Promise<void>;
}

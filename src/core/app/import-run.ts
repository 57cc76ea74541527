import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ResultStatus, RunStatus } from '../../shared/domain/benchmark';
import { MAX_RUN_IMPORT_CHARS } from '../../shared/domain/export';
import { RunDetailSchema, type RunDetail } from '../../shared/domain/results';
import { RigmarkError } from '../errors';
import { canonicalJson, hashSnapshot } from '../hardware/snapshot-hash';
import type { Store } from '../store/store';
import { RIGMARK_VERSION } from '../version';
import { importLimitProblems } from './import-limits';

export const RUN_EXPORT_FORMAT = 'rigmark-run';
export const RUN_EXPORT_VERSION = 1;

const bad = (message: string): RigmarkError => new RigmarkError('BAD_INPUT', message);

/** `detail.results[0].stats.median` style path of a zod issue under `detail`. */
function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : `${out}.${String(key)}`), 'detail');
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 5).map((i) => `${issuePath(i.path)}: ${i.message.replace(/^Invalid input: /, '')}`);
  const more = error.issues.length > shown.length ? ` (and ${error.issues.length - shown.length} more)` : '';
  return shown.join('; ') + more;
}

/** A result left unfinished in the export (its run was still running) ends `interrupted`, as an orphan run would. */
function settledResultStatus(status: ResultStatus, runWasRunning: boolean): ResultStatus {
  return runWasRunning && (status === 'pending' || status === 'running') ? 'interrupted' : status;
}

/** A run export that passed every check, ready to store. */
export interface ParsedRunExport {
  detail: RunDetail;
  /** sha256 (hex) of the normalised detail: schema-parsed (unknown fields dropped), keys sorted. */
  contentHash: string;
}

/**
 * Checks a Rigmark run export (`exportRun(detail, 'json')`) without touching any store, so a shell can refuse a
 * bad file before it opens (or creates) a data dir: size, JSON, format and version, the schema, then what no Rigmark
 * could have written (`importLimitProblems`: impossible values, bad timestamps, oversized strings).
 * @throws RigmarkError BAD_INPUT naming what is wrong (not JSON, other format, newer version, field path).
 */
export function parseRunExport(text: string): ParsedRunExport {
  if (text.length > MAX_RUN_IMPORT_CHARS) throw bad(`export too large: ${text.length} characters, the limit is ${MAX_RUN_IMPORT_CHARS} (50 MiB)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw bad(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw bad('not a Rigmark run export: expected a JSON object');
  const doc = parsed as Record<string, unknown>;
  if (doc['format'] !== RUN_EXPORT_FORMAT) {
    throw bad(`not a Rigmark run export: format is ${JSON.stringify(doc['format'] ?? null)}, expected "${RUN_EXPORT_FORMAT}" (a CSV or Markdown export cannot be imported)`);
  }
  const version = doc['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw bad(`formatVersion must be a positive integer, got ${JSON.stringify(version ?? null)}`);
  }
  if (version > RUN_EXPORT_VERSION) {
    throw bad(`export formatVersion ${version} is newer than this Rigmark reads (formatVersion ${RUN_EXPORT_VERSION}): update Rigmark to import it`);
  }
  if (version !== RUN_EXPORT_VERSION) throw bad(`unsupported formatVersion ${version}, expected ${RUN_EXPORT_VERSION}`);
  const checked = RunDetailSchema.safeParse(doc['detail']);
  if (!checked.success) throw bad(`invalid run export: ${describeIssues(checked.error)}`);
  const detail = checked.data;
  const problems = importLimitProblems(detail);
  if (problems.count > 0) {
    const more = problems.count > problems.listed.length ? ` (and ${problems.count - problems.listed.length} more)` : '';
    throw bad(`invalid run export: ${problems.listed.join('; ')}${more}`);
  }
  return { detail, contentHash: createHash('sha256').update(canonicalJson(detail)).digest('hex') };
}

/**
 * Stores a Rigmark run export (`exportRun(detail, 'json')`) as a new run: system snapshot, every result with its
 * identity, status, reason and stderr, and every raw sample (warm-ups included). All or nothing: one transaction.
 * Not carried by the export format, so not restored: per-sample work units and raw telemetry rows (the imported
 * run has no telemetry summary) and the original run request (replaced by an `importedFrom` note).
 * The same export (same content hash) is stored once: a second import is refused.
 * @returns the new run's id.
 * @throws RigmarkError BAD_INPUT as `parseRunExport`; CONFLICT naming the run an identical export became.
 */
export function importRun(store: Store, text: string, now: Date): number {
  const { detail, contentHash } = parseRunExport(text);
  const already = store.runs.findByImportHash(contentHash);
  if (already !== null) throw alreadyImported(already);
  const importedAt = now.toISOString();
  const runWasRunning = detail.run.status === 'running';
  const runStatus: RunStatus = runWasRunning ? 'interrupted' : detail.run.status;

  const write = store.db.transaction((): number => {
    const systemId = store.systems.upsert(detail.system, hashSnapshot(detail.system));
    const runId = store.runs.create({
      systemId,
      suite: detail.run.suite,
      request: { importedFrom: { runId: detail.run.id, systemLabel: detail.run.systemLabel, importedAt } },
      appVersion: RIGMARK_VERSION,
      pid: process.pid,
      startedAt: detail.run.startedAt,
      importHash: contentHash,
    });
    for (const [ordinal, r] of detail.results.entries()) {
      const status = settledResultStatus(r.status, runWasRunning);
      const resultId = store.results.insert({
        runId,
        ordinal,
        benchmarkId: r.benchmarkId,
        title: r.title,
        category: r.category,
        unit: r.unit,
        higherIsBetter: r.higherIsBetter,
        status,
        params: {},
        reason: r.reason,
        estimatedMs: 0,
      });
      if (r.startedAt !== null) store.results.start(resultId, r.startedAt);
      const finishedAt = r.finishedAt ?? (status === r.status ? null : importedAt);
      store.results.finish(resultId, { status, reason: r.reason, stderrTail: r.stderrTail, at: finishedAt });
      const metricUnits = Object.fromEntries(Object.entries(r.metrics).map(([name, m]) => [name, m.unit]));
      store.results.setIdentity(resultId, r.identity, r.identityHash, metricUnits, []);
      for (const s of r.samples) {
        store.results.insertSample({
          resultId,
          index: s.index,
          isWarmup: s.isWarmup,
          value: s.value,
          metrics: s.metrics,
          durationMs: s.durationMs,
          workUnits: null,
          takenAt: s.takenAt,
        });
      }
    }
    store.runs.finish(runId, runStatus, detail.run.finishedAt ?? importedAt);
    return runId;
  });
  try {
    return write();
  } catch (error) {
    // Another process imported the same export between the check above and this write.
    const raced = (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' ? store.runs.findByImportHash(contentHash) : null;
    if (raced !== null) throw alreadyImported(raced);
    throw error;
  }
}

function alreadyImported(runId: number): RigmarkError {
  return new RigmarkError('CONFLICT', `this export is already stored as run ${runId} (imported before, same content): it was not imported again`);
}

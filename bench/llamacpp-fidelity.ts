/**
 * Fidelity of Rigmark's llama.cpp benchmarks against llama-bench: both run pp512 and tg128 on the same GGUF file
 * with the same threads, batch sizes and flash-attention setting, and the ratio Rigmark / llama-bench is printed.
 * Rigmark's side runs exactly as the app does (a worker process through the production launcher and harness).
 * llama-bench is built from node-llama-cpp's own llama.cpp source by bench/llama-bench/build.sh; without it the
 * check is skipped with a message. Not a test: nothing here asserts a figure.
 *
 *   tsx bench/llamacpp-fidelity.ts [--model synthetic:NAME|/abs/file.gguf] [--threads 1,2] [--reps 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runJobInChild } from '../src/core/bench/families/llamacpp/child-job';
import { llamaBenchPath, runLlamaBench } from '../src/core/bench/families/llamacpp/llama-bench-runner';
import type { LlamaBenchRow } from '../src/core/bench/families/llamacpp/llama-bench-runner';
import { resolveModel } from '../src/core/bench/families/llamacpp/model-source';
import { parseModelRef } from '../src/core/bench/families/llamacpp/params';
import { computeStats } from '../src/core/bench/stats';

const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface FidelityOptions {
  /** `synthetic:NAME` or an absolute GGUF path. Default: the quick suite's 1B shape. */
  model?: string;
  threads?: number[];
  reps?: number;
  /** Rigmark data dir holding the models cache; default `RIGMARK_DATA_DIR` or `.cache/fidelity`. */
  dataDir?: string;
  /** llama-bench binary; default the one build.sh made. */
  llamaBench?: string | null;
  log?: (line: string) => void;
}

/** Median and CV of one side's samples, tokens/s. */
export interface SideFigures {
  median: number;
  cv: number;
  samples: number[];
}

export interface FidelityRow {
  test: 'pp512' | 'tg128';
  threads: number;
  rigmark: SideFigures;
  /** llama.cpp's own counters inside Rigmark's run (excludes the binding's JS and sampling time). */
  rigmarkEngine: SideFigures | null;
  llamaBench: SideFigures;
  /** Rigmark median / llama-bench median. */
  ratio: number;
}

export type FidelityReport = { skipped: string } | { model: string; llamaBenchBuild: string; rows: FidelityRow[] };

function figures(samples: number[]): SideFigures {
  const stats = computeStats(samples);
  return { median: stats.median ?? Number.NaN, cv: stats.cv ?? Number.NaN, samples };
}

async function rigmarkRun(id: string, model: string, threads: number, reps: number, dataDir: string) {
  const scratch = mkdtempSync(join(tmpdir(), 'rigmark-fidelity-'));
  try {
    const outcome = await runJobInChild(
      {
        benchmarkId: id,
        params: { model, backend: 'cpu', threads, gpuLayers: 0, flashAttention: false, batchSize: 2048, ubatchSize: 512 },
        repetitions: { warmups: 1, planned: reps, max: reps, cvThreshold: 1 },
        scratchDir: scratch,
        dataDir,
      },
      20 * 60_000,
    );
    const samples = outcome.messages.filter((m) => m.type === 'sample' && !m.isWarmup);
    const failure = outcome.messages.find((m) => m.type === 'error' || m.type === 'unavailable');
    if (samples.length === 0) throw new Error(`${id} produced no samples: ${JSON.stringify(failure ?? outcome.exit)}\n${outcome.stderrTail}`);
    const values = samples.map((m) => (m.type === 'sample' ? m.value : Number.NaN));
    const engine = samples.map((m) => (m.type === 'sample' ? m.metrics.llamaPerfTokensPerSec : undefined)).filter((v): v is number => v !== undefined);
    return { rigmark: figures(values), rigmarkEngine: engine.length ? figures(engine) : null };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function benchRow(rows: LlamaBenchRow[], test: 'pp' | 'tg'): LlamaBenchRow {
  const row = rows.find((r) => r.test === test);
  if (!row) throw new Error(`llama-bench returned no ${test} row`);
  return row;
}

/**
 * Runs llama-bench and Rigmark's worker benchmarks side by side, per thread count: llama-bench first, then
 * Rigmark's pp512 and tg128, so drift (thermal, neighbours) hits both sides alike.
 * @returns the rows, or `{ skipped }` when llama-bench has not been built.
 */
export async function runLlamaCppFidelity(options: FidelityOptions = {}): Promise<FidelityReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const binary = options.llamaBench === undefined ? llamaBenchPath(REPO_ROOT) : options.llamaBench;
  if (!binary) return { skipped: 'llama-bench is not built: run bench/llama-bench/build.sh (about 10 min on 2 cores)' };
  const model = options.model ?? 'synthetic:llama-3.2-1b-q4_0';
  const dataDir = options.dataDir ?? process.env.RIGMARK_DATA_DIR ?? join(REPO_ROOT, '.cache', 'fidelity');
  const reps = options.reps ?? 3;
  // The same file for both sides: generate (or find) it first, then hand llama-bench its path.
  const resolved = await resolveModel(parseModelRef(model), { dataDir, reportPhase: (p) => log(`  ${p}…`) });
  const rows: FidelityRow[] = [];
  let build = '';
  for (const threads of options.threads ?? [1, 2]) {
    log(`threads ${threads}: llama-bench`);
    const bench = await runLlamaBench(binary, { model: resolved.path, threads, reps, flashAttention: false, batchSize: 2048, ubatchSize: 512 });
    build = benchRow(bench, 'pp').buildCommit;
    for (const [test, id] of [['pp', 'llamacpp.pp512'], ['tg', 'llamacpp.tg128']] as const) {
      log(`threads ${threads}: Rigmark ${id}`);
      const ours = await rigmarkRun(id, model, threads, reps, dataDir);
      const theirs = figures(benchRow(bench, test).samplesTs);
      const row: FidelityRow = { test: test === 'pp' ? 'pp512' : 'tg128', threads, ...ours, llamaBench: theirs, ratio: ours.rigmark.median / theirs.median };
      rows.push(row);
      log(`  ${row.test} t=${threads}: Rigmark ${fmt(row.rigmark.median)} (CV ${fmt(row.rigmark.cv * 100)} %), llama-bench ${fmt(row.llamaBench.median)} (CV ${fmt(row.llamaBench.cv * 100)} %), ratio ${fmt(row.ratio * 100)} %`);
    }
  }
  return { model: `${model} (${resolved.path})`, llamaBenchBuild: build, rows };
}

function fmt(v: number, digits = 1): string {
  return Number.isFinite(v) ? v.toFixed(digits) : '–';
}

/** The report as a Markdown table (tokens/s medians, CV in %). */
export function formatFidelityReport(report: FidelityReport): string {
  if ('skipped' in report) return `llama.cpp fidelity: skipped (${report.skipped})`;
  const lines = [
    `llama.cpp fidelity — ${report.model}, llama-bench build ${report.llamaBenchBuild}`,
    '',
    '| test | threads | Rigmark t/s (CV) | engine-only t/s | llama-bench t/s (CV) | Rigmark / llama-bench |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of report.rows) {
    const engine = r.rigmarkEngine ? fmt(r.rigmarkEngine.median) : '–';
    lines.push(
      `| ${r.test} | ${r.threads} | ${fmt(r.rigmark.median)} (${fmt(r.rigmark.cv * 100)} %) | ${engine} | ${fmt(r.llamaBench.median)} (${fmt(r.llamaBench.cv * 100)} %) | ${fmt(r.ratio * 100)} % |`,
    );
  }
  return lines.join('\n');
}

function parseArgs(argv: readonly string[]): FidelityOptions {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const threads = value('--threads');
  const reps = value('--reps');
  return {
    model: value('--model'),
    threads: threads ? threads.split(',').map(Number) : undefined,
    reps: reps ? Number(reps) : undefined,
  };
}

/** Entry used by `npm run bench` (bench/index.ts) and by running this file directly. */
export async function main(argv: readonly string[] = []): Promise<void> {
  console.log('');
  console.log(formatFidelityReport(await runLlamaCppFidelity(parseArgs(argv))));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

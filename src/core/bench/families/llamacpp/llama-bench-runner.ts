import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** One llama-bench test row (its `-o json` output), the fields the fidelity check uses. */
export interface LlamaBenchRow {
  test: 'pp' | 'tg';
  nPrompt: number;
  nGen: number;
  threads: number;
  /** Tokens per second of each repetition. */
  samplesTs: number[];
  avgTs: number;
  stddevTs: number;
  buildCommit: string;
  cpuInfo: string;
  backends: string;
}

function num(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

/**
 * Parses `llama-bench -o json` output.
 * @throws Error when the text is not llama-bench's JSON array.
 */
export function parseLlamaBenchJson(text: string): LlamaBenchRow[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new Error('llama-bench output is not a JSON array');
  return parsed.map((raw: Record<string, unknown>) => {
    const nPrompt = num(raw.n_prompt);
    const nGen = num(raw.n_gen);
    return {
      test: nGen > 0 && nPrompt === 0 ? 'tg' : 'pp',
      nPrompt,
      nGen,
      threads: num(raw.n_threads),
      samplesTs: Array.isArray(raw.samples_ts) ? raw.samples_ts.map(num) : [],
      avgTs: num(raw.avg_ts),
      stddevTs: num(raw.stddev_ts),
      buildCommit: String(raw.build_commit ?? ''),
      cpuInfo: String(raw.cpu_info ?? ''),
      backends: String(raw.backends ?? ''),
    };
  });
}

/** Where bench/llama-bench/build.sh puts the binary for a variant. */
export function llamaBenchPath(repoRoot: string, variant = 'native'): string | null {
  const path = join(repoRoot, '.cache', 'llama-bench', variant, 'bin', 'llama-bench');
  return existsSync(path) ? path : null;
}

/** Settings of one llama-bench invocation, llama-bench's own flags. */
export interface LlamaBenchArgs {
  model: string;
  threads: number;
  reps: number;
  flashAttention: boolean;
  batchSize: number;
  ubatchSize: number;
}

/**
 * Runs llama-bench for pp512 and tg128 on the CPU (`-ngl 0`) and returns its rows.
 * @throws Error with llama-bench's stderr when it fails.
 */
export async function runLlamaBench(binary: string, args: LlamaBenchArgs): Promise<LlamaBenchRow[]> {
  const argv = [
    '-m', args.model, '-p', '512', '-n', '128', '-t', String(args.threads), '-r', String(args.reps),
    '-fa', args.flashAttention ? '1' : '0', '-b', String(args.batchSize), '-ub', String(args.ubatchSize),
    '-ngl', '0', '-o', 'json',
  ];
  try {
    const { stdout } = await execFileAsync(binary, argv, { maxBuffer: 16 * 1024 * 1024 });
    return parseLlamaBenchJson(stdout);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`llama-bench failed: ${(error as Error).message}\n${stderr.slice(-2000)}`);
  }
}

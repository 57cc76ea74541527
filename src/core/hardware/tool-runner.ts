import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** What running an external tool (nvidia-smi, rocm-smi, vulkaninfo…) produced. */
export interface ToolResult {
  /** False when the executable is not installed (ENOENT): a normal outcome, not an error. */
  isFound: boolean;
  /** Exit code; null when the tool was not found, timed out or was killed. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Set when the tool was found but could not complete (timeout, signal, spawn failure). */
  error: string | null;
}

/**
 * Runs one external tool to completion. Never throws: every outcome is a {@link ToolResult}.
 * @param timeoutMs wall-clock limit in milliseconds; the tool is killed (SIGTERM) when it passes.
 */
export type ToolRunner = (command: string, args: readonly string[], opts?: { timeoutMs?: number }) => Promise<ToolResult>;

export interface ToolRunnerOptions {
  /** Environment for the child; its PATH is also where the command is looked up. Defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Default limit per call in milliseconds (5 s: vendor tools answer in well under a second when healthy). */
  timeoutMs?: number;
}

/** Default per-call limit for vendor tools, in milliseconds. */
export const DEFAULT_TOOL_TIMEOUT_MS = 5_000;

// Generous: `vulkaninfo --summary` and `system_profiler -json` can print a few hundred KB on multi-GPU machines.
const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

/** Creates a {@link ToolRunner} backed by `child_process.execFile` (no shell, so arguments are never interpreted). */
export function createToolRunner(options: ToolRunnerOptions = {}): ToolRunner {
  const env = options.env ?? process.env;
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_TOOL_TIMEOUT_MS;
  return (command, args, opts) =>
    new Promise<ToolResult>((resolve) => {
      const timeoutMs = opts?.timeoutMs ?? defaultTimeoutMs;
      execFile(
        command,
        [...args],
        { env, timeout: timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true, encoding: 'utf8' },
        (err, stdout, stderr) => {
          resolve(toToolResult(err, stdout, stderr, timeoutMs));
        },
      );
    });
}

type ExecError = Error & { code?: string | number | null; killed?: boolean; signal?: NodeJS.Signals | null };

function toToolResult(err: ExecError | null, stdout: string, stderr: string, timeoutMs: number): ToolResult {
  if (!err) return { isFound: true, exitCode: 0, stdout, stderr, error: null };
  if (err.code === 'ENOENT') return { isFound: false, exitCode: null, stdout: '', stderr: '', error: null };
  if (typeof err.code === 'number') return { isFound: true, exitCode: err.code, stdout, stderr, error: null };
  if (err.killed || err.signal) {
    const why = err.killed && err.signal === 'SIGTERM' ? `timed out after ${timeoutMs} ms` : `killed by ${err.signal}`;
    return { isFound: true, exitCode: null, stdout, stderr, error: why };
  }
  // EACCES, maxBuffer exceeded, …: the tool exists but could not be used.
  return { isFound: true, exitCode: null, stdout, stderr, error: err.message };
}

/** The runner used when none is injected: `process.env`, 5 s per call. */
export const defaultToolRunner: ToolRunner = createToolRunner();

/**
 * Finds an executable on PATH synchronously, the way a shell would, so callers can decide up front which tool to use.
 * @returns the full path, or null when it is not installed.
 */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const pathValue = env.PATH ?? env.Path ?? '';
  const isWindows = process.platform === 'win32';
  const extensions = isWindows ? (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';') : [''];
  for (const dir of pathValue.split(delimiter)) {
    if (!dir) continue;
    for (const ext of extensions) {
      const candidate = join(dir, name + ext);
      if (isExecutableFile(candidate, isWindows)) return candidate;
    }
  }
  return null;
}

function isExecutableFile(path: string, isWindows: boolean): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, isWindows ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** One line saying why a found tool did not give usable output (for `tools[].detail` and reasons). */
export function describeToolFailure(result: ToolResult): string {
  if (result.error) return result.error;
  const text = firstLine(result.stdout) || firstLine(result.stderr);
  const code = result.exitCode === null ? '' : `exit ${result.exitCode}`;
  return [code, text].filter(Boolean).join(': ') || 'no output';
}

function firstLine(text: string): string {
  return (
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? ''
  );
}

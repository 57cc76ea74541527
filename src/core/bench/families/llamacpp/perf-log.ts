/**
 * llama.cpp's own timing of one repetition, read from `llama_perf_context_print` (node-llama-cpp exposes the
 * counters only through `LlamaContext.printTimings()`, which logs them and resets them). The counters cover the
 * time inside `llama_decode` up to the logits being read, so they exclude the binding's JS and sampling overhead:
 * the gap between these and the wall-clock figure is what the binding costs.
 */
export interface LlamaPerfCounters {
  promptMs: number;
  promptTokens: number;
  evalMs: number;
  evalRuns: number;
}

const PROMPT_RE = /prompt eval time\s*=\s*([\d.]+)\s*ms\s*\/\s*(\d+)\s*tokens/;
const EVAL_RE = /\beval time\s*=\s*([\d.]+)\s*ms\s*\/\s*(\d+)\s*runs/;

/** Collects perf lines from llama.cpp's log stream; everything else passes to `forward`. */
export class PerfLogCollector {
  private current: Partial<LlamaPerfCounters> = {};

  constructor(private readonly forward: (level: string, message: string) => void = () => {}) {}

  /** A `getLlama({ logger })` callback. */
  readonly onLog = (level: string, message: string): void => {
    for (const line of message.split('\n')) this.onLine(level, line);
  };

  private onLine(level: string, line: string): void {
    if (!line.includes('llama_perf_context_print')) {
      if (line.trim() !== '') this.forward(level, line);
      return;
    }
    const prompt = PROMPT_RE.exec(line);
    if (prompt) {
      this.current.promptMs = Number(prompt[1]);
      this.current.promptTokens = Number(prompt[2]);
      return;
    }
    const evalMatch = EVAL_RE.exec(line);
    if (evalMatch && !line.includes('prompt eval')) {
      this.current.evalMs = Number(evalMatch[1]);
      this.current.evalRuns = Number(evalMatch[2]);
    }
  }

  /** The counters seen since the last call, or null when no complete report arrived. */
  take(): LlamaPerfCounters | null {
    const c = this.current;
    this.current = {};
    if (c.promptMs === undefined || c.promptTokens === undefined || c.evalMs === undefined || c.evalRuns === undefined) {
      return null;
    }
    return { promptMs: c.promptMs, promptTokens: c.promptTokens, evalMs: c.evalMs, evalRuns: c.evalRuns };
  }
}

/** Tokens per second from llama.cpp's counters for the phase a test measures; null when it did not run. */
export function perfTokensPerSec(counters: LlamaPerfCounters, phase: 'prompt' | 'generation'): number | null {
  const [ms, count] = phase === 'prompt' ? [counters.promptMs, counters.promptTokens] : [counters.evalMs, counters.evalRuns];
  return ms > 0 && count > 0 ? (count * 1000) / ms : null;
}

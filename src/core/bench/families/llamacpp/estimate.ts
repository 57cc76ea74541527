import { statSync } from 'node:fs';
import type { RepetitionPolicy } from '../../../../shared/domain/benchmark';
import { isSyntheticModelName } from '../../../models/synthetic/manifests';
import type { AvailabilityContext } from '../../definition';
import { syntheticModelBytes } from './availability';
import { chooseBackend } from './backend';
import { GEN_TOKENS, PROMPT_TOKENS } from './params';

/**
 * A first guess at a llama.cpp instance's wall time from the model's size and the backend, before this machine has
 * run it (afterwards its own timings are used). Calibrated on the 2-core dev VM, CPU backend, synthetic Llama 3 8B
 * Q4_K_M (4.6 GiB): pp512 43 s and tg128 25 s per repetition, load 10–16 s. Prompt processing is compute-bound
 * (scales with size over cores), generation memory-bound (size × tokens over bandwidth).
 */
const CPU_PROMPT_S_PER_GIB_TOKEN_CORE = 0.0367;
const CPU_BANDWIDTH_BYTES_PER_S = 23e9;
/** A mid-range GPU: ~5 000 prompt tokens/s and ~400 GB/s for an 8B Q4 model. */
const GPU_PROMPT_S_PER_GIB_TOKEN = 0.00004;
const GPU_BANDWIDTH_BYTES_PER_S = 400e9;
/** Loading: reading the file (page cache or disk) and setting up the context. */
const LOAD_BYTES_PER_S = 1e9;
const LOAD_FIXED_MS = 3000;
const GIB = 1024 ** 3;

function modelBytesOf(model: unknown): number | null {
  if (typeof model !== 'string') return null;
  if (model.startsWith('synthetic:')) {
    const name = model.slice('synthetic:'.length);
    return isSyntheticModelName(name) ? syntheticModelBytes(name) : null;
  }
  try {
    return statSync(model).size;
  } catch {
    return null;
  }
}

/** Seconds of one repetition of `test` on `tokens` tokens. */
function repetitionSeconds(test: 'pp' | 'tg', tokens: number, bytes: number, onCpu: boolean, cores: number): number {
  if (test === 'pp') return (bytes / GIB) * tokens * (onCpu ? CPU_PROMPT_S_PER_GIB_TOKEN_CORE / Math.max(1, cores) : GPU_PROMPT_S_PER_GIB_TOKEN);
  return (bytes * tokens) / (onCpu ? CPU_BANDWIDTH_BYTES_PER_S : GPU_BANDWIDTH_BYTES_PER_S);
}

/**
 * Estimated ms of one instance: load, warm-ups (pp512's is 32 tokens under a budget, tg128's one token, as the
 * worker does) and the planned repetitions. Null when the model's size is unknown (the fixed estimate is used).
 */
export function llamaEstimateMs(test: 'pp' | 'tg', params: Record<string, unknown>, ctx: AvailabilityContext, repetitions: RepetitionPolicy): number | null {
  const bytes = modelBytesOf(params['model']);
  if (bytes === null) return null;
  const onCpu = (params['backend'] ?? chooseBackend(ctx.snapshot).backend) === 'cpu';
  const cores = typeof params['threads'] === 'number' ? params['threads'] : ctx.snapshot.cpu.cores;
  const tokens = test === 'pp' ? PROMPT_TOKENS : GEN_TOKENS;
  const warmupTokens = test === 'tg' ? 1 : repetitions.budgetMs === undefined ? PROMPT_TOKENS : 32;
  const seconds =
    repetitions.planned * repetitionSeconds(test, tokens, bytes, onCpu, cores) +
    repetitions.warmups * repetitionSeconds(test, warmupTokens, bytes, onCpu, cores);
  return Math.round(LOAD_FIXED_MS + (bytes / LOAD_BYTES_PER_S) * 1000 + seconds * 1000);
}

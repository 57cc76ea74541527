/**
 * The fixed CPU workload of `system.cpu`: SHA-256 (node:crypto) and deflate level 6 (node:zlib) over a deterministic
 * pseudo-text buffer. Both are native code in Node, so the figure reflects the CPU, not the JS engine.
 */

/** Changes whenever the data generator or the work per pass changes: results across versions do not compare. */
export const CPU_WORKLOAD_ID = 'sha256+deflate6/syllable-text-v1';

/** Seed of the data generator; fixed so every machine processes the same bytes. */
export const CPU_WORKLOAD_SEED = 0x5eed1234;

// Words are 1–4 syllables from a small set: a vocabulary of ~10^6 words with text-like redundancy (deflate ratio
// ~2.4:1). A small fixed word list would make deflate's match search pathologically slow (very long hash chains),
// and random bytes would make it skip matching; neither is typical input.
const SYLLABLES = 'ka ri to me su na lo pe vi da ne mo ru ti sa fe go hu ba li ze co pa di ma no te ul an er is on'
  .split(' ')
  .map((s) => [s.charCodeAt(0), s.charCodeAt(1)] as const);

/**
 * Fills a buffer of `bytes` bytes with seeded pseudo-text (xorshift32 picks syllables, word lengths and line
 * breaks). Backed by a SharedArrayBuffer so threads receive it without a copy per `postMessage`.
 */
export function makeCpuWorkloadData(bytes: number, seed: number = CPU_WORKLOAD_SEED): Uint8Array {
  const out = new Uint8Array(new SharedArrayBuffer(bytes));
  let state = seed >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  let pos = 0;
  while (pos < bytes) {
    const syllables = 1 + (next() % 4);
    for (let j = 0; j < syllables && pos < bytes; j++) {
      const [c0, c1] = SYLLABLES[next() % SYLLABLES.length]!;
      out[pos++] = c0;
      if (pos < bytes) out[pos++] = c1;
    }
    if (pos < bytes) out[pos++] = next() % 11 === 0 ? 0x0a : 0x20;
  }
  return out;
}

/** What one thread reports after one pass. */
export interface CpuPassReport {
  type: 'done';
  sha256Ms: number;
  deflateMs: number;
  digest: string;
  packedBytes: number;
}

/**
 * Thread script (CommonJS, run with `eval: true`). Takes a private copy of the shared data so threads do not
 * contend on the same cache lines, then on each message runs one pass: SHA-256 of the buffer, then deflate level 6.
 * Digest and compressed size come back so the parent can check every thread did the same work.
 */
export const CPU_THREAD_SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { deflateSync } = require('node:zlib');
const data = Buffer.from(new Uint8Array(workerData.shared));
parentPort.on('message', () => {
  try {
    const t0 = performance.now();
    const digest = createHash('sha256').update(data).digest('hex');
    const t1 = performance.now();
    const packedBytes = deflateSync(data, { level: 6 }).length;
    const t2 = performance.now();
    parentPort.postMessage({ type: 'done', sha256Ms: t1 - t0, deflateMs: t2 - t1, digest, packedBytes });
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String((error && error.message) || error) });
  }
});
parentPort.postMessage({ type: 'ready' });
`;

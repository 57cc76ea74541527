import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { RepetitionPolicy } from '../../../shared/domain/benchmark';
import type { WorkerMessage } from '../../../shared/worker-protocol';
import { runHarness } from './harness';
import type { WorkerBenchmark } from './types';

/** Alternates 1 and 3 (CV ≈ 50 %): the adaptive rule always asks for more. Each repetition takes ≥ 5 ms. */
function noisy(calls: string[]): WorkerBenchmark<null> {
  let i = 0;
  return {
    setup: async () => null,
    async measure() {
      calls.push('measure');
      await sleep(5);
      return { value: i++ % 2 === 0 ? 1 : 3 };
    },
    async warmUp() {
      calls.push('warmUp');
      return { value: 1 };
    },
    identity: () => ({ engine: 'test' }),
  };
}

async function run(policy: RepetitionPolicy, calls: string[] = []): Promise<WorkerMessage[]> {
  const messages: WorkerMessage[] = [];
  const job = { type: 'job' as const, benchmarkId: 'x', params: {}, repetitions: policy, scratchDir: '/nonexistent', dataDir: '/nonexistent' };
  await runHarness(noisy(calls) as WorkerBenchmark<unknown>, job, (m) => messages.push(m), new AbortController().signal);
  return messages;
}

const counted = (messages: WorkerMessage[]) => messages.filter((m) => m.type === 'sample' && !m.isWarmup).length;
const resultOf = (messages: WorkerMessage[]) => messages.find((m) => m.type === 'result');

describe('runHarness repetitions', () => {
  it('without a budget, a high spread extends the repetitions up to the maximum', async () => {
    const messages = await run({ warmups: 0, planned: 3, max: 6, cvThreshold: 0.035 });
    expect(counted(messages)).toBe(6);
    expect(resultOf(messages)).not.toHaveProperty('isCutByBudget');
  });

  it('a spent budget stops the extra repetitions, never the planned ones, and the result says so', async () => {
    const messages = await run({ warmups: 0, planned: 3, max: 6, cvThreshold: 0.035, budgetMs: 1 });
    expect(counted(messages)).toBe(3);
    const result = resultOf(messages);
    expect(result).toMatchObject({ isCutByBudget: true });
    expect(result?.type === 'result' && result.notes).toContain("The suite's time budget stopped the repetitions at 3 (the spread asked for more).");
  });

  it('warm-ups use the benchmark’s own warm-up when it has one, and are sent as warm-up samples', async () => {
    const calls: string[] = [];
    const messages = await run({ warmups: 1, planned: 3, max: 3, cvThreshold: 0.035 }, calls);
    expect(calls).toEqual(['warmUp', 'measure', 'measure', 'measure']);
    expect(messages.filter((m) => m.type === 'sample').map((m) => m.type === 'sample' && m.isWarmup)).toEqual([true, false, false, false]);
  });
});

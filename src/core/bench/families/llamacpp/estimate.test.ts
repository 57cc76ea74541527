import { describe, expect, it } from 'vitest';
import { rtx4090Snapshot } from '../../../../../test/fixtures/hardware/snapshots';
import type { AvailabilityContext } from '../../definition';
import { llamaEstimateMs } from './estimate';

const ctx: AvailabilityContext = { snapshot: rtx4090Snapshot(), dataDir: '/nonexistent', settings: {}, params: {} };
const reps = { warmups: 1, planned: 3, max: 6, cvThreshold: 0.035 };
const model = 'synthetic:llama-3-8b-q4_k_m';

describe('llamaEstimateMs', () => {
  it('grows with fewer CPU cores for prompt processing, and is far shorter on a GPU backend', () => {
    const two = llamaEstimateMs('pp', { model, backend: 'cpu', threads: 2 }, ctx, reps)!;
    const sixteen = llamaEstimateMs('pp', { model, backend: 'cpu', threads: 16 }, ctx, reps)!;
    const gpu = llamaEstimateMs('pp', { model, backend: 'cuda' }, ctx, reps)!;
    expect(two).toBeGreaterThan(sixteen);
    expect(sixteen).toBeGreaterThan(gpu);
  });

  it('counts a short warm-up under a budget (32 prompt tokens instead of 512)', () => {
    const full = llamaEstimateMs('pp', { model, backend: 'cpu', threads: 2 }, ctx, reps)!;
    const budgeted = llamaEstimateMs('pp', { model, backend: 'cpu', threads: 2 }, ctx, { ...reps, budgetMs: 60_000 })!;
    expect(budgeted).toBeLessThan(full);
  });

  it('has no guess for a model whose size is unknown', () => {
    expect(llamaEstimateMs('tg', { model: '/nonexistent/model.gguf', backend: 'cpu' }, ctx, reps)).toBeNull();
    expect(llamaEstimateMs('tg', { model: 'synthetic:no-such-shape', backend: 'cpu' }, ctx, reps)).toBeNull();
  });
});

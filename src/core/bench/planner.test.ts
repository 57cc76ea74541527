import { describe, expect, it } from 'vitest';
import { rtx4090Snapshot } from '../../../test/fixtures/hardware/snapshots';
import type { AvailabilityContext, BenchmarkDefinition } from './definition';
import { planRun } from './planner';

function def(id: string, family: string, over: Partial<BenchmarkDefinition> = {}): BenchmarkDefinition {
  return {
    id, family, title: id, description: id, category: 'llm', unit: 't/s', higherIsBetter: true, defaultRepetitions: 5,
    warmups: 1, timeoutMs: 1000, suites: ['quick', 'full'], estimatedMs: 1,
    checkAvailability: async (ctx) => (ctx.params.model === 'huge' ? { isAvailable: false, reason: 'too large' } : { isAvailable: true }),
    ...over,
  };
}

const models = (suite: string) => (suite === 'full' ? ['small', 'huge'] : ['small']).map((m) => ({ label: m, params: { model: m } }));
const defs = [def('sys.a', 'sys'), def('llm.pp', 'llm', { suiteVariants: models }), def('llm.tg', 'llm', { suiteVariants: models })];
const ctx: AvailabilityContext = { snapshot: rtx4090Snapshot(), dataDir: '/tmp', settings: {}, params: {} };

describe('planner', () => {
  it('runs every model of a suite, model by model within a family, each labelled and checked on its own', async () => {
    const items = await planRun({ suite: 'full' }, defs, ctx);
    expect(items.map((i) => i.title)).toEqual(['sys.a', 'llm.pp — small', 'llm.tg — small', 'llm.pp — huge', 'llm.tg — huge']);
    expect(items.map((i) => i.availability.isAvailable)).toEqual([true, true, true, false, false]);
    expect(items[3]?.params.model).toBe('huge');
  });

  it('a model named by the user replaces the suite models; the quick suite plans 3 repetitions', async () => {
    const items = await planRun({ suite: 'quick', model: 'mine' }, defs, { ...ctx, params: { model: 'mine' } });
    expect(items.map((i) => i.title)).toEqual(['sys.a', 'llm.pp', 'llm.tg']);
    expect(items.every((i) => i.params.model === 'mine' || i.definition.family === 'sys')).toBe(true);
    expect(items[0]?.repetitions).toMatchObject({ planned: 3, max: 6, warmups: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { rtx4090Snapshot } from '../../../../../test/fixtures/hardware/snapshots';
import type { SystemSnapshot } from '../../../../shared/domain/system';
import type { AvailabilityContext } from '../../definition';
import { llamaSuiteVariants } from './suite-models';

const ctxOf = (snapshot: SystemSnapshot): AvailabilityContext => ({ snapshot, dataDir: '/nonexistent', settings: {}, params: {} });
const withVram = (vramMiB: number): SystemSnapshot => {
  const base = rtx4090Snapshot();
  return { ...base, gpus: base.gpus.map((g) => ({ ...g, name: 'Small GPU', vramMiB })) };
};
const cpuOnly = (totalMiB: number): SystemSnapshot =>
  rtx4090Snapshot({ gpus: [], backends: [{ name: 'cpu', isAvailable: true, version: null, detail: '' }], memory: { totalMiB, availableMiB: null } });
const models = (suite: 'quick' | 'full', ctx?: AvailabilityContext) => llamaSuiteVariants(suite, ctx).map((v) => v.params['model']);

describe('llamaSuiteVariants', () => {
  it('runs Llama 3 8B Q4_K_M in the quick suite, and adds Llama 2 7B Q4_0 and the F16 shape in the full one', () => {
    expect(models('quick')).toEqual(['synthetic:llama-3-8b-q4_k_m']);
    expect(models('full')).toEqual(['synthetic:llama-3-8b-q4_k_m', 'synthetic:llama-2-7b-q4_0', 'synthetic:llama-3-8b-f16']);
    expect(llamaSuiteVariants('quick', ctxOf(rtx4090Snapshot()))[0]?.label).toBe('synthetic Llama 3 8B Q4_K_M');
  });

  it('keeps the 8B shape on a CPU-only machine whose RAM holds it', () => {
    expect(models('quick', ctxOf(cpuOnly(24 * 1024)))).toEqual(['synthetic:llama-3-8b-q4_k_m']);
  });

  it('picks the largest comparable shape that fits the VRAM, and says so', () => {
    // 8B Q4_K_M needs ~5.6 GiB with the runtime's room, 7B Q4_0 ~4.6 GiB.
    const [variant] = llamaSuiteVariants('quick', ctxOf(withVram(5 * 1024)));
    expect(variant?.params['model']).toBe('synthetic:llama-2-7b-q4_0');
    expect(variant?.label).toBe('synthetic Llama 2 7B Q4_0 (Llama 3 8B Q4_K_M does not fit 5.0 GiB VRAM; this is the largest comparable shape that does)');
  });

  it('falls back to the 1B shape where nothing comparable fits (RAM on a CPU-only machine)', () => {
    const [variant] = llamaSuiteVariants('quick', ctxOf(cpuOnly(4 * 1024)));
    expect(variant?.params['model']).toBe('synthetic:llama-3.2-1b-q4_0');
    expect(variant?.label).toMatch(/Llama 3 8B Q4_K_M does not fit 4\.0 GiB RAM/);
  });
});

import type { Page } from '@playwright/test';
import { compareRunToCards, upgradeGain } from '../src/core/compare';
import { loadReference } from '../src/core/reference';
import type { LocalResult, RunComparisonView } from '../src/shared/domain/compare';
import type { Rig } from './fixtures';

/**
 * Example local results: llama.cpp (Vulkan, synthetic shape), Ollama, memory. No engine with published figures
 * runs on the e2e machine, so pages that need matching figures are driven by these. The "median" values are
 * layout inputs, NOT measurements; everything else in the stubbed replies is what core computes over the real
 * reference dataset.
 */
export const EXAMPLE_RESULTS: LocalResult[] = [
  {
    benchmarkId: 'llamacpp.pp512',
    category: 'llm',
    unit: 'tokens/s',
    higherIsBetter: true,
    median: 2500,
    status: 'passed',
    identity: { engine: 'llama.cpp', backend: 'vulkan', modelKey: 'llama-2-7b', quant: 'Q4_0', isSynthetic: true, promptTokens: 512, gpuLayers: 99, flashAttention: false },
  },
  {
    benchmarkId: 'llamacpp.tg128',
    category: 'llm',
    unit: 'tokens/s',
    higherIsBetter: true,
    median: 120.5,
    status: 'passed',
    identity: { engine: 'llama.cpp', backend: 'vulkan', modelKey: 'llama-2-7b', quant: 'Q4_0', isSynthetic: true, genTokens: 128, gpuLayers: 99, flashAttention: false },
  },
  {
    benchmarkId: 'ollama.generate',
    category: 'llm',
    unit: 'tokens/s',
    higherIsBetter: true,
    median: 165,
    status: 'passed',
    identity: { engine: 'ollama', modelKey: 'gpt-oss-20b', quant: 'MXFP4', concurrency: 1 },
  },
  { benchmarkId: 'system.memory', category: 'system', unit: 'GB/s', higherIsBetter: true, median: 12, status: 'passed', identity: {} },
];

/**
 * Makes the page's `compare:run` and `compare:upgrade` calls answer with core's comparison of EXAMPLE_RESULTS
 * against A100, RTX 4090 and RTX 3090 (upgrade target: RTX 4090) over the bundled dataset.
 */
export async function stubExampleComparison(page: Page, rig: Rig, runId: number): Promise<void> {
  const dataset = loadReference();
  const view: RunComparisonView = {
    ...rig.core.compareRun({ runId }),
    comparison: compareRunToCards(EXAMPLE_RESULTS, ['a100', 'rtx-4090', 'rtx-3090'], dataset),
    yourGpu: { detectedName: 'AMD Radeon RX 7900 XTX (example)', referenceKey: 'amd-radeon-rx-7900-xtx' },
  };
  await page.route('**/api/call/compare:run', (route) => route.fulfill({ json: { ok: true, value: view } }));
  await page.route('**/api/call/compare:upgrade', (route) => route.fulfill({ json: { ok: true, value: upgradeGain(EXAMPLE_RESULTS, 'rtx-4090', dataset) } }));
}

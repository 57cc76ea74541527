import type { Page } from '@playwright/test';
import { formatDeltaPct } from '../src/renderer/src/lib/format';
import { invertRatio, speedRatioText } from '../src/shared/format/speed-ratio';
import { importExampleLlmRun } from './example-llm-run';
import { SCREENSHOT_DIR, expect, openApp, test } from './fixtures';
import { overflowingElements } from './page-fit';

/**
 * Compare and Upgrade read in seconds: the numbers on screen are core's (ratio words, ±%, units, direction) for a
 * CPU-only Llama 3 8B Q4_K_M run (example values, imported) against the A100 and the RTX 4090.
 */
const WORKLOADS = [
  { id: 'llamacpp.pp512', title: 'Prompt processing · 512 tokens' },
  { id: 'llamacpp.tg128', title: 'Text generation · 128 tokens' },
] as const;
const CARDS = [
  { key: 'a100', name: 'NVIDIA A100' },
  { key: 'rtx-4090', name: 'NVIDIA GeForce RTX 4090' },
] as const;
const MODEL = 'Llama 3 8B Q4_K_M (synthetic)';

test('Compare states each workload against each card as core computes it: ratio in words, ±%, both values with units', async ({ page, rig }) => {
  const runId = await importExampleLlmRun(rig);
  const view = rig.core.compareRun({ runId });
  await openApp(page, rig, `/compare/${runId}`);
  for (const workload of WORKLOADS) {
    const row = view.comparison.rows.find((r) => r.benchmarkId === workload.id)!;
    const table = page.getByRole('table', { name: `${workload.title}, ${MODEL} against reference cards` });
    await expect(table).toBeVisible();
    for (const card of CARDS) {
      const cell = row.cards.find((c) => c.cardKey === card.key)!;
      // Tens to hundreds of times slower: the words say how much, where ±% would read −98.7 % or −99.8 %.
      expect(cell.ratio).toBeLessThan(1 / 50);
      const line = table.getByRole('row', { name: new RegExp(card.name) }).first();
      await expect(line).toContainText(speedRatioText(cell.ratio));
      await expect(line).toContainText(formatDeltaPct(cell.deltaPct).replace('\u00a0', ' '));
      await expect(line).toContainText(`${new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }).format(cell.picked!.figure.value)} tokens/s`);
    }
    await expect(page.getByRole('region', { name: new RegExp(workload.title) }).or(page.getByLabel(`${workload.title}, ${MODEL}`)).first()).toContainText('tokens/s');
  }
  // The chart's text alternative names every bar in the same words.
  const chart = page.locator('.chart[data-chart="drawn"]').getByRole('img');
  const pp = view.comparison.rows.find((r) => r.benchmarkId === 'llamacpp.pp512')!;
  for (const card of CARDS) {
    await expect(chart).toHaveAttribute('aria-label', new RegExp(speedRatioText(pp.cards.find((c) => c.cardKey === card.key)!.ratio)));
  }
  // No raw ids or backticks on the page.
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(/llamacpp\.(pp|tg)\d+|`/);
});

test('Upgrade opens on the RTX 4090 and says the same fact in the same words as Comparison', async ({ page, rig }) => {
  const runId = await importExampleLlmRun(rig);
  const gain = rig.core.upgradeGain({ runId, target: 'rtx-4090' });
  const view = rig.core.compareRun({ runId });
  await openApp(page, rig, `/compare/${runId}`);
  await page.getByRole('tab', { name: 'Upgrade' }).click();
  const table = page.getByRole('table', { name: 'Expected change per workload with the NVIDIA GeForce RTX 4090' });
  await expect(table).toBeVisible();
  for (const workload of WORKLOADS) {
    const gainRow = gain.rows.find((r) => r.benchmarkId === workload.id)!;
    const compareCell = view.comparison.rows.find((r) => r.benchmarkId === workload.id)!.cards.find((c) => c.cardKey === 'rtx-4090')!;
    const yours = invertRatio(gainRow.ratio);
    // Core's two numbers (gain = target ÷ yours, comparison = yours ÷ target) are one fact in one direction on screen.
    expect(speedRatioText(yours.ratio)).toBe(speedRatioText(compareCell.ratio));
    expect(formatDeltaPct(yours.deltaPct)).toBe(formatDeltaPct(compareCell.deltaPct));
    const line = table.getByRole('row', { name: new RegExp(workload.title) });
    await expect(line).toContainText(speedRatioText(compareCell.ratio));
    await expect(line).toContainText(formatDeltaPct(compareCell.deltaPct).replace('\u00a0', ' '));
    await expect(line).not.toContainText('+48');
  }
  const llm = gain.categories.find((c) => c.category === 'llm')!;
  await expect(page.getByText(`With the RTX 4090: ${speedRatioText(llm.medianRatio)}.`)).toBeVisible();
});

for (const theme of ['dark', 'light'] as const) {
  for (const width of [1280, 900] as const) {
    test(`screenshots of Compare and Upgrade for a CPU-only 8B run (example values), ${theme} theme, ${width} px`, async ({ page, rig }) => {
      const runId = await importExampleLlmRun(rig);
      rig.core.updateSettings({ theme });
      await page.setViewportSize({ width, height: 900 });
      await openApp(page, rig, `/compare/${runId}`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await settleCharts(page);
      // At 900 px nothing is cut silently: the page itself never scrolls sideways.
      expect(await overflowingElements(page)).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOT_DIR}compare-${theme}-${width}.png`, fullPage: true });
      await page.locator('.chart').first().screenshot({ path: `${SCREENSHOT_DIR}compare-chart-${theme}-${width}.png` });
      await page.getByRole('tab', { name: 'Upgrade' }).click();
      await expect(page.getByRole('table', { name: /Expected change per workload/ })).toBeVisible();
      expect(await overflowingElements(page)).toEqual([]);
      await page.screenshot({ path: `${SCREENSHOT_DIR}upgrade-${theme}-${width}.png`, fullPage: true });
    });
  }
}

/** Waits until nothing is loading and the charts have drawn (ECharts animates for about a second). */
async function settleCharts(page: Page): Promise<void> {
  await expect(page.locator('.state-loading')).toHaveCount(0);
  await expect(page.locator('.chart canvas').first()).toBeVisible();
  await page.waitForTimeout(1200);
}


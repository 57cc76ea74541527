import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR, ensureRun, expect, openApp, test } from './fixtures';
import type { Rig } from './fixtures';

test('exports a run as JSON, CSV and Markdown downloads with content', async ({ page, rig }) => {
  const runId = await ensureRun(rig);
  await openApp(page, rig, `/results/${runId}`);
  await expect(page.getByRole('table', { name: 'Results per benchmark' })).toBeVisible();
  for (const [label, extension] of [['JSON', '.json'], ['CSV', '.csv'], ['Markdown', '.md']] as const) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\${extension}$`));
    const content = await readFile(await download.path(), 'utf8');
    expect(content.length).toBeGreaterThan(20);
    expect(content).toContain('system.memory');
    if (extension === '.json') expect(() => JSON.parse(content) as unknown).not.toThrow();
  }
});

/**
 * Two real llama.cpp runs of one benchmark id on two models (the ~2 MB tiny model, then synthetic Llama 3.2 1B: about
 * 20 s on 2 cores), the History case that once read as one falling line. Both are real measurements on this machine.
 */
async function runPromptProcessingOnTwoModels(rig: Rig): Promise<void> {
  for (const [model, repetitions] of [['synthetic:tiny', 3], ['synthetic:llama-3.2-1b-q4_0', 1]] as const) {
    const { runId } = await rig.core.startRun({ benchmarkIds: ['llamacpp.pp512'], model, repetitions });
    await rig.core.waitForRun(runId);
    expect(rig.core.getRun(runId)?.results[0]?.stats.median ?? 0).toBeGreaterThan(0);
  }
}

test('history opens on the latest run’s benchmark and draws one series per model, with a Model column', async ({ page, rig }) => {
  test.setTimeout(8 * 60_000);
  await ensureRun(rig);
  await runPromptProcessingOnTwoModels(rig);
  await openApp(page, rig, '/history');
  // No empty choice: the address moves on to the latest run's benchmark, listed first in the select.
  await expect(page).toHaveURL(/#\/history\/llamacpp\.pp512$/);
  const select = page.getByLabel('Benchmark');
  await expect(select).toHaveValue('llamacpp.pp512');
  await expect(select.locator('optgroup').first()).toHaveAttribute('label', 'In the latest run');
  // The chart's text alternative is built from the same workloads as its series: one per model.
  const chart = page.getByRole('img', { name: /^Prompt processing · 512 tokens: / });
  await expect(chart).toHaveAttribute('aria-label', /Llama 3\.2 1B Q4_0 \(synthetic\): median of 1 run.*; Tiny Q4_0 \(synthetic\): median of 1 run/);
  await expect(page.locator('.chart canvas').first()).toBeVisible();
  const table = page.getByRole('table', { name: 'Prompt processing · 512 tokens per run' });
  await expect(table.getByRole('columnheader', { name: 'Model' })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Llama 3.2 1B Q4_0 (synthetic)' })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Tiny Q4_0 (synthetic)' })).toBeVisible();
  await expect(page.getByText(/llamacpp\./)).toHaveCount(0);

  await screenshotHistory(page, rig);

  await select.selectOption('system.memory');
  await expect(page).toHaveURL(/#\/history\/system\.memory$/);
  await expect(page.getByRole('table', { name: /per run/ }).getByText('GB/s').first()).toBeVisible();
});

/** The History page in both themes and at a 900 px wide window, for review (e2e/artifacts/screenshots/history-*). */
async function screenshotHistory(page: Page, rig: Rig): Promise<void> {
  const path = '/history/llamacpp.pp512';
  const shots: Array<[name: string, theme: 'dark' | 'light', width: number]> = [['dark', 'dark', 1280], ['light', 'light', 1280], ['900-dark', 'dark', 900]];
  for (const [name, theme, width] of shots) {
    rig.core.updateSettings({ theme });
    await page.setViewportSize({ width, height: 900 });
    await openApp(page, rig, path);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await expect(page.locator('.chart canvas').first()).toBeVisible();
    // ECharts animates its lines in (400 ms); the picture is of the drawn chart.
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${SCREENSHOT_DIR}history-${name}.png`, fullPage: true });
  }
  rig.core.updateSettings({ theme: 'dark' });
  await page.setViewportSize({ width: 1280, height: 860 });
}

import { readFileSync } from 'node:fs';
import type { Download } from '@playwright/test';
import { compareRunToCards, comparisonToCsv, comparisonToMarkdown } from '../src/core/compare';
import { loadReference } from '../src/core/reference';
import { EXAMPLE_RESULTS, stubExampleComparison } from './example-comparison';
import { ensureRun, expect, openApp, test } from './fixtures';

/** What core lists as comparable (shared/domain/compare.ts COMPARABLE_BENCHMARK_IDS). */
const COMPARABLE = ['llamacpp.pp512', 'llamacpp.tg128', 'ollama.generate', 'serving.throughput', 'image.generate', 'vision.throughput'];

test('a run with no matching figures says so plainly and lists the benchmarks that would have', async ({ page, rig }) => {
  // system.memory, three repetitions: cheap, and no published GPU figure exists for it.
  const runId = await ensureRun(rig);
  await openApp(page, rig, `/compare/${runId}`);
  await expect(page.getByText(`Run #${runId} has no result with published figures to compare with.`)).toBeVisible();
  await expect(page.getByText(/It measured Memory copy bandwidth\./)).toBeVisible();
  const list = page.locator('.comparable-list');
  for (const id of COMPARABLE) await expect(list.getByText(id, { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the Run page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Run' })).toBeVisible();
});

test('Compare without a run number opens the latest run with results, against the default cards', async ({ page, rig }) => {
  const runId = await ensureRun(rig);
  await openApp(page, rig, '/compare');
  await expect(page.getByLabel('Run', { exact: true })).toHaveValue(String(runId));
  const cards = page.getByRole('group', { name: 'Reference cards' });
  await expect(cards.getByRole('listitem')).toHaveText([/NVIDIA A100/, /NVIDIA GeForce RTX 4090/]);
  // Add a card by keyboard-reachable select, and the comparison follows.
  await page.getByLabel('Add a reference card').selectOption('rtx-3090');
  await expect(cards.getByRole('listitem')).toHaveCount(3);
  await page.getByRole('tab', { name: 'Upgrade' }).click();
  await page.getByLabel('Target card').selectOption('rtx-4090');
  await expect(page.getByText('No estimate for Memory copy bandwidth (no published figure for this workload).')).toBeVisible();
});

test('the CSV and Markdown the page builds equal what core exports for the same comparison', async ({ page, rig }) => {
  const runId = await ensureRun(rig);
  await openApp(page, rig, `/compare/${runId}`);
  const exports = page.getByRole('group', { name: 'Export comparison' });
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: 'CSV' }).click()]);
  const [mdDownload] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: 'Markdown' }).click()]);
  expect(csvDownload.suggestedFilename()).toBe(`rigmark-compare-run-${runId}.csv`);
  const csv = await readDownload(csvDownload);
  const md = await readDownload(mdDownload);
  const { comparison } = rig.core.compareRun({ runId });
  // The renderer re-declares core's column list (it may not import core): this is the guard against drift.
  expect(csv).toBe(comparisonToCsv(comparison));
  const table = (text: string): string => text.slice(text.indexOf('| benchmark |'));
  expect(table(md)).toBe(table(comparisonToMarkdown(comparison)));
});

test('with matching figures the bar chart is drawn and saves as a PNG (stubbed reply, example values)', async ({ page, rig }) => {
  const runId = await ensureRun(rig);
  await stubExampleComparison(page, rig, runId);
  await openApp(page, rig, `/compare/${runId}`);
  const chart = page.locator('.chart[data-chart="drawn"]');
  await expect(chart.locator('canvas').first()).toBeVisible();
  // The text alternative carries the same signed figures the bars are labelled with.
  await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /llamacpp\.tg128: RTX 4090 \u221235\.3\s%, RTX 3090 \u221223\.8\s%/);
  await expect(page.getByText('close match').first()).toBeVisible();
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save chart as PNG' }).click()]);
  expect(png.suggestedFilename()).toBe(`rigmark-compare-run-${runId}.png`);
  const bytes = readFileSync(await png.path());
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(5_000);
  // With matches every column is filled (figure, match, labels, source): the CSV must still equal core's.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Export comparison' }).getByRole('button', { name: 'CSV' }).click()]);
  expect(await readDownload(csv)).toBe(comparisonToCsv(compareRunToCards(EXAMPLE_RESULTS, ['a100', 'rtx-4090', 'rtx-3090'], loadReference())));
});

async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

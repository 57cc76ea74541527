import { readFileSync } from 'node:fs';
import type { Download } from '@playwright/test';
import { toLocalResults } from '../src/core/app/comparisons';
import { compareCards, compareRunToCards, comparisonToCsv, comparisonToMarkdown } from '../src/core/compare';
import { loadReference } from '../src/core/reference';
import { stubExampleComparison } from './example-comparison';
import { ensureRun, expect, openApp, test } from './fixtures';

/**
 * What core lists as comparable: shared/domain/compare.ts COMPARABLE_BENCHMARK_IDS that the catalogue can run. The
 * dataset's image and vision figures have no Rigmark benchmark yet, so they are not offered.
 */
const COMPARABLE = ['llamacpp.pp512', 'llamacpp.tg128', 'ollama.generate', 'serving.throughput'];
const NOT_RUNNABLE = ['image.generate', 'vision.throughput'];

test('a run with no matching figures says so plainly and lists the benchmarks that would have', async ({ page, rig }) => {
  // system.memory, three repetitions: cheap, and no published GPU figure exists for it.
  const runId = await ensureRun(rig);
  await openApp(page, rig, `/compare/${runId}`);
  await expect(page.getByText(`Run #${runId} has no result with published figures to compare with.`)).toBeVisible();
  await expect(page.getByText(/It measured Memory copy bandwidth\./)).toBeVisible();
  // Named by their catalogue titles, never by id.
  const titles = new Map((await rig.core.listBenchmarks()).map((b) => [b.id, b.title]));
  const list = page.locator('.comparable-list');
  for (const id of COMPARABLE) await expect(list.getByText(titles.get(id) ?? id, { exact: true })).toBeVisible();
  await expect(list.locator('li')).toHaveCount(COMPARABLE.length);
  for (const id of [...COMPARABLE, ...NOT_RUNNABLE]) await expect(list.getByText(id, { exact: true })).toHaveCount(0);
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

test('the CSV and Markdown the page downloads are core\'s export of the run against the cards shown', async ({ page, rig }) => {
  const runId = await ensureRun(rig);
  await openApp(page, rig, `/compare/${runId}`);
  await expect(page.getByRole('group', { name: 'Reference cards' }).getByRole('listitem')).toHaveText([/NVIDIA A100/, /NVIDIA GeForce RTX 4090/]);
  const exports = page.getByRole('group', { name: 'Export comparison' });
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: 'CSV' }).click()]);
  const [mdDownload] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: 'Markdown' }).click()]);
  expect(csvDownload.suggestedFilename()).toBe(`rigmark-compare-run-${runId}.csv`);
  expect(mdDownload.suggestedFilename()).toBe(`rigmark-compare-run-${runId}.md`);
  // Computed here from the stored run, not through the API: the files must be core's writers over that comparison.
  const detail = rig.core.getRun(runId);
  if (detail === null) throw new Error(`run ${runId} is missing`);
  const comparison = compareRunToCards(toLocalResults(detail), ['a100', 'rtx-4090'], loadReference());
  expect(await readDownload(csvDownload)).toBe(comparisonToCsv(comparison));
  expect(await readDownload(mdDownload)).toBe(comparisonToMarkdown(comparison));
});

test('with matching figures the bar chart is drawn and saves as a PNG (stubbed reply, example values)', async ({ page, rig }) => {
  const runId = await ensureRun(rig);
  await stubExampleComparison(page, rig, runId);
  await openApp(page, rig, `/compare/${runId}`);
  const chart = page.locator('.chart[data-chart="drawn"]');
  await expect(chart.locator('canvas').first()).toBeVisible();
  // The text alternative carries the same words and signed figures the bars and tooltips show.
  await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /Text generation · 128 tokens \(Llama 2 7B Q4_0 \(synthetic\)\): [^;]*RTX 4090 [\d.]+× (slower|faster) \([+\u2212][\d.]+\s%\)/);
  await expect(page.getByText('close match').first()).toBeVisible();
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save chart as PNG' }).click()]);
  expect(png.suggestedFilename()).toBe(`rigmark-compare-run-${runId}.png`);
  const bytes = readFileSync(await png.path());
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(5_000);
  // No export check here: core exports the stored run, not this stubbed reply (see the card-vs-card export below).
});

test('the Reference page\'s card-vs-card CSV is core\'s export, with every matched column filled', async ({ page, rig }) => {
  await openApp(page, rig, '/reference');
  await expect(page.getByRole('table', { name: 'NVIDIA A100 vs NVIDIA GeForce RTX 4090, per workload' })).toBeVisible();
  const exports = page.getByRole('group', { name: 'Export card comparison' });
  const [download] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: 'CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('rigmark-a100-vs-rtx-4090.csv');
  const csv = await readDownload(download);
  expect(csv).toBe(comparisonToCsv(compareCards('a100', 'rtx-4090', loadReference())));
  // The four Trooper.AI fleet workloads (column 4 is the model), each with its figures and source filled in.
  const lines = csv.trimEnd().split('\n');
  for (const model of ['Qwen/Qwen3-4B', 'gpt-oss:20b', 'sd3.5-large', 'llava-1.5-7b']) {
    const line = lines.find((l) => l.split(',')[3] === model);
    expect(line, model).toBeDefined();
    expect(line, model).toContain('https://james19.trooper.ai/benchmarks-compare-A100-with-RTX-4090');
  }
});

async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR, expect, openApp, test } from './fixtures';

/** The four Trooper.AI fleet figures the README names: A100 over RTX 4090, in words and as ±%. */
const FLEET: Array<{ model: string; words: string; delta: RegExp }> = [
  { model: 'Qwen/Qwen3-4B', words: '1.17× faster', delta: /^\+17\.0\s%$/ },
  { model: 'gpt-oss:20b', words: '1.22× slower', delta: /^\u221218\.0\s%$/ },
  { model: 'sd3.5-large', words: '3.87× faster', delta: /^\+286\.7\s%$/ },
  { model: 'llava-1.5-7b', words: '1.3× faster', delta: /^\+30\.0\s%$/ },
];
const TROOPER_TITLE = 'A100 vs RTX 4090 - GPU Benchmark Comparison (Trooper.AI)';
const TROOPER_URL = 'https://james19.trooper.ai/benchmarks-compare-A100-with-RTX-4090';
const PAIR_TABLE = 'NVIDIA A100 vs NVIDIA GeForce RTX 4090, per workload';
/** The A100 card page before its figures were grouped by source: 28,609 px at 1280 × 860 (each row repeated its settings). */
const MAX_CARD_PAGE_PX = 8000;

/** Charts animate in; a screenshot waits until the canvas is there and the animation has ended. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('.state-loading')).toHaveCount(0);
  if ((await page.locator('.chart').count()) > 0) {
    await expect(page.locator('.chart canvas').first()).toBeVisible();
    await page.waitForTimeout(1200);
  }
}

test('Reference shows A100 vs RTX 4090 with the four fleet figures in words, their source once, and a drawn chart', async ({ page, rig }) => {
  await openApp(page, rig, '/reference');
  const table = page.getByRole('table', { name: PAIR_TABLE });
  await expect(table).toBeVisible();
  for (const { model, words, delta } of FLEET) {
    // A figure's row, not its source's header row (which may name the model in the source's settings text).
    const row = table.locator('tbody tr:not(.source-group-row)').filter({ has: page.getByRole('rowheader').filter({ hasText: model }) });
    await expect(row).toHaveCount(1);
    await expect(row.locator('.speed-ratio-words')).toHaveText(words);
    await expect(row.locator('.speed-ratio-pct')).toHaveText(delta);
  }
  // The fleet page is one source: its title and address head the group once.
  await expect(table.getByText(TROOPER_TITLE, { exact: true })).toHaveCount(1);
  await expect(table.getByText(TROOPER_URL, { exact: true })).toBeVisible();
  // The four Llama 3 8B Q4_K_M generation rows are told apart by their one-line settings.
  for (const tokens of [512, 1024, 4096, 8192]) {
    await expect(table.locator('.settings-summary').filter({ hasText: new RegExp(`^tg${tokens} · CUDA · Q4_K_M · llama-bench$`) })).toHaveCount(1);
  }
  await expect(table.locator('code:not(.source-url)')).toHaveCount(0);
  await expect(page.getByText(/How figures are paired:/)).toBeVisible();
  const chart = page.locator('.card-vs-card .chart[data-chart="drawn"]');
  await expect(chart.locator('canvas')).toBeVisible();
  const box = await chart.locator('canvas').boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(300);
  expect(box?.height ?? 0).toBeGreaterThan(300);
  await expect(chart.getByRole('img', { name: /NVIDIA A100 against NVIDIA GeForce RTX 4090, per workload/ })).toBeAttached();
  // Offline: sources are text to copy, never links that would leave the machine.
  await expect(page.locator('a[href^="http"]')).toHaveCount(0);
});

test('the card list and card selects go NVIDIA, AMD, Intel, Apple, newest generation first', async ({ page, rig }) => {
  await openApp(page, rig, '/reference');
  const names = await page.getByRole('table', { name: 'Reference cards' }).getByRole('rowheader').getByRole('link').allTextContents();
  const at = (name: string): number => names.indexOf(name);
  expect(at('NVIDIA GeForce RTX 5090')).toBeLessThan(at('NVIDIA GeForce RTX 4090'));
  expect(at('NVIDIA GeForce RTX 4090')).toBeLessThan(at('NVIDIA GeForce RTX 3090'));
  expect(at('NVIDIA H100')).toBeLessThan(at('NVIDIA A100'));
  expect(at('NVIDIA A100')).toBeLessThan(at('NVIDIA Tesla V100'));
  expect(at('NVIDIA Tesla K80 (one GPU of two)')).toBeLessThan(at('AMD Radeon RX 9070 XT'));
  expect(at('AMD Radeon RX 9070 XT')).toBeLessThan(at('AMD Radeon RX 7900 XTX'));
  expect(at('AMD Instinct MI50')).toBeLessThan(at('Intel Arc B580'));
  expect(at('Intel Arc B580')).toBeLessThan(at('Apple M5 (10-core)'));
  expect(at('Apple M3 Max (40-core GPU)')).toBeLessThan(at('Apple M1 Max (32-core GPU)'));
  const groups = await page.locator('#pair-vs optgroup').evaluateAll((els) => els.map((el) => el.getAttribute('label')));
  expect(groups).toEqual(['NVIDIA', 'AMD', 'Intel', 'Apple']);
});

test('a card opens with its specs and every published figure, each source named once above its rows', async ({ page, rig }) => {
  await openApp(page, rig, '/reference');
  await page.getByLabel('Find a card').fill('4090');
  await page.getByRole('table', { name: 'Reference cards' }).getByRole('link', { name: 'NVIDIA GeForce RTX 4090', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'NVIDIA GeForce RTX 4090' })).toBeVisible();
  const vllm = page.getByRole('table', { name: 'vLLM figures' });
  const row = vllm.getByRole('row').filter({ hasText: 'Qwen/Qwen3-4B' });
  // The 4090's vLLM figures mix units, so each value keeps its own.
  await expect(row).toContainText(/706\stokens\/s/);
  await expect(vllm.getByText(TROOPER_URL, { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Specifications', exact: true })).toBeVisible();
});

test('the A100 card page is a few screens tall, its llama-bench command shown once behind a disclosure', async ({ page, rig }) => {
  await openApp(page, rig, '/reference/a100');
  const llama = page.getByRole('table', { name: 'llama.cpp (llama-bench) figures' });
  await expect(llama).toBeVisible();
  // A string: e2e compiles without the DOM library.
  const height = (await page.evaluate('document.body.scrollHeight')) as number;
  test.info().annotations.push({ type: 'A100 card page height', description: `${height} px at 1280 × 860` });
  expect(height).toBeLessThan(MAX_CARD_PAGE_PX);
  // The README command is in the page once per source (one group), not once per row (48 rows).
  await expect(llama.getByText(/LLAMA_CUBLAS=1 make/)).toHaveCount(1);
  await expect(llama.getByText(/LLAMA_CUBLAS=1 make/)).toBeHidden();
  await llama.getByText('How it was run').first().click();
  await expect(llama.getByText(/LLAMA_CUBLAS=1 make/)).toBeVisible();
});

test('at 900 px wide a table that no longer fits says so and scrolls sideways, and the chart shrinks with the window', async ({ page, rig }) => {
  await openApp(page, rig, '/reference');
  const chart = page.locator('.card-vs-card .chart canvas');
  await expect(chart).toBeVisible();
  const wide = (await chart.boundingBox())?.width ?? 0;
  await page.setViewportSize({ width: 900, height: 860 });
  // Workload, settings, both values and the ratio do not fit beside the sidebar: the table scrolls, and says so.
  const scroll = page.locator('.table-scroll').filter({ has: page.getByRole('table', { name: PAIR_TABLE }) });
  await expect.poll(() => scroll.locator('.table-wrap').evaluate((el) => el.scrollWidth > el.clientWidth + 1)).toBe(true);
  await expect(scroll.getByText('More columns to the right: scroll sideways →')).toBeVisible();
  await expect(page.getByRole('region', { name: `${PAIR_TABLE} (scrolls sideways)` })).toBeVisible();
  // Every other table shows the cue exactly when it is cut.
  for (const box of await page.locator('.table-scroll').all()) {
    const isCut = await box.locator('.table-wrap').evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    await expect(box.locator('.table-scroll-cue')).toHaveCount(isCut ? 1 : 0);
  }
  // The chart follows the narrower window instead of keeping its first width (and pushing the page sideways).
  await expect.poll(async () => (await chart.boundingBox())?.width ?? 0).toBeLessThan(wide);
  expect((await page.evaluate('document.documentElement.scrollWidth')) as number).toBeLessThanOrEqual(900);
  // A source's header stays within the visible part of a scrolled table, so its title is never cut off.
  const header = scroll.locator('.source-group').first();
  const frame = await scroll.locator('.table-wrap').boundingBox();
  const headerBox = await header.boundingBox();
  expect((headerBox?.x ?? 0) + (headerBox?.width ?? 0)).toBeLessThanOrEqual((frame?.x ?? 0) + (frame?.width ?? 0));
});

for (const theme of ['dark', 'light'] as const) {
  test(`screenshots of card vs card and the A100 card page, ${theme} theme`, async ({ page, rig }) => {
    rig.core.updateSettings({ theme });
    await openApp(page, rig, '/reference');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}reference-pair-${theme}.png`, fullPage: true });
    await openApp(page, rig, '/reference/a100');
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}reference-a100-${theme}.png`, fullPage: true });
    await page.setViewportSize({ width: 900, height: 860 });
    await page.screenshot({ path: `${SCREENSHOT_DIR}reference-a100-900-${theme}.png`, fullPage: true });
    await openApp(page, rig, '/reference');
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}reference-pair-900-${theme}.png`, fullPage: true });
  });
}

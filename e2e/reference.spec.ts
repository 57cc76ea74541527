import { expect, openApp, test } from './fixtures';

/** The four Trooper.AI fleet figures the README names, as the difference of A100 over RTX 4090. */
const FLEET: Array<{ model: string; delta: RegExp }> = [
  { model: 'Qwen/Qwen3-4B', delta: /^\+17\.0\s%$/ },
  { model: 'gpt-oss:20b', delta: /^\u221218\.0\s%$/ },
  { model: 'sd3.5-large', delta: /^\+286\.7\s%$/ },
  { model: 'llava-1.5-7b', delta: /^\+30\.0\s%$/ },
];
const TROOPER_TITLE = 'A100 vs RTX 4090 - GPU Benchmark Comparison (Trooper.AI)';
const TROOPER_URL = 'https://james19.trooper.ai/benchmarks-compare-A100-with-RTX-4090';

test('Reference shows A100 vs RTX 4090 with the four fleet figures, their differences and their source as text', async ({ page, rig }) => {
  await openApp(page, rig, '/reference');
  const table = page.getByRole('table', { name: 'NVIDIA A100 vs NVIDIA GeForce RTX 4090, per workload' });
  await expect(table).toBeVisible();
  for (const { model, delta } of FLEET) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader').filter({ hasText: model }) });
    await expect(row).toHaveCount(1);
    await expect(row.locator('.delta')).toHaveText(delta);
    await expect(row.getByText(TROOPER_TITLE, { exact: true })).toBeVisible();
    await expect(row.getByText(TROOPER_URL, { exact: true })).toBeVisible();
  }
  await expect(page.getByText(/How figures are paired:/)).toBeVisible();
  // Offline: sources are text to copy, never links that would leave the machine.
  await expect(page.locator('a[href^="http"]')).toHaveCount(0);
});

test('a card opens with its specs and every published figure with its source', async ({ page, rig }) => {
  await openApp(page, rig, '/reference');
  await page.getByLabel('Find a card').fill('4090');
  await page.getByRole('table', { name: 'Reference cards' }).getByRole('link', { name: 'NVIDIA GeForce RTX 4090', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'NVIDIA GeForce RTX 4090' })).toBeVisible();
  const vllm = page.getByRole('table', { name: 'vLLM figures' });
  const row = vllm.getByRole('row').filter({ hasText: 'Qwen/Qwen3-4B' });
  await expect(row).toContainText(/706\stokens\/s/);
  await expect(row.getByText(TROOPER_URL, { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Specifications', exact: true })).toBeVisible();
});

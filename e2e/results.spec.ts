import { readFile } from 'node:fs/promises';
import { ensureRun, expect, openApp, test } from './fixtures';

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

test('history draws the benchmark median across runs', async ({ page, rig }) => {
  await ensureRun(rig);
  await openApp(page, rig, '/history');
  await page.getByLabel('Benchmark').selectOption('system.memory');
  await expect(page).toHaveURL(/#\/history\/system\.memory$/);
  await expect(page.locator('.chart canvas').first()).toBeVisible();
  await expect(page.getByRole('table', { name: /per run/ }).getByText('GB/s').first()).toBeVisible();
});

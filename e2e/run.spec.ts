import { SCREENSHOT_DIR, expect, openApp, test } from './fixtures';

test('runs a system benchmark: progress moves, samples land, and the result shows a drawn chart', async ({ page, rig }) => {
  await openApp(page, rig, '/run');
  await page.getByRole('radio', { name: /Choose benchmarks/ }).check();
  await page.getByRole('checkbox', { name: /Memory copy bandwidth/ }).check();
  await page.getByLabel('Counted repetitions per benchmark').fill('3');
  await expect(page.getByText(/1 benchmark will run/)).toBeVisible();
  await page.getByRole('button', { name: 'Start' }).click();

  const overall = page.getByRole('progressbar', { name: 'Overall progress' });
  await expect(overall).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel run' })).toBeVisible();
  // Progress moves: the bar leaves 0 and a sample chart appears while the run is still going.
  await expect.poll(async () => Number(await overall.getAttribute('aria-valuenow')), { timeout: 120_000 }).toBeGreaterThan(0);
  await expect(page.locator('.instance .chart canvas').first()).toBeAttached({ timeout: 120_000 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}run-live-dark.png`, fullPage: true });

  const viewResult = page.getByRole('link', { name: 'View result' });
  await expect(viewResult).toBeVisible({ timeout: 180_000 });
  await expect(overall).toHaveAttribute('aria-valuenow', '100');
  await viewResult.click();

  await expect(page.getByRole('heading', { name: /^Run #\d+$/, level: 1 })).toBeVisible();
  const row = page.getByRole('table', { name: 'Results per benchmark' }).getByRole('row', { name: /Memory/ });
  await expect(row).toContainText('GB/s');
  await expect(row.getByText(/^(passed|unstable)$/)).toBeVisible();
  const canvas = page.locator('.result-card .chart canvas').first();
  await expect(canvas).toBeVisible();
  const box = await canvas.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(100);
});

test('cancels a running suite and shows it as cancelled', async ({ page, rig }) => {
  await openApp(page, rig, '/run');
  await page.getByRole('radio', { name: /^System/ }).check();
  await page.getByLabel('Counted repetitions per benchmark').fill('3');
  await expect(page.getByText(/benchmarks? will run/)).toBeVisible();
  await page.getByRole('button', { name: 'Start' }).click();

  const cancel = page.getByRole('button', { name: 'Cancel run' });
  await expect(cancel).toBeVisible();
  await expect(page.locator('.instance .badge', { hasText: 'running' }).first()).toBeVisible({ timeout: 60_000 });
  await cancel.click();

  await expect(page.locator('.run-overall .badge', { hasText: 'cancelled' })).toBeVisible({ timeout: 60_000 });
  await expect(cancel).toBeHidden();
  await page.getByRole('link', { name: 'View result' }).click();
  await expect(page.locator('.page-lead .badge', { hasText: 'cancelled' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Results' }).click();
  await expect(page.getByRole('table', { name: 'Stored runs' }).getByText('cancelled').first()).toBeVisible();
});

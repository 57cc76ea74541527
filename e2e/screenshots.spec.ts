import type { Page } from '@playwright/test';
import { stubExampleComparison } from './example-comparison';
import { SCREENSHOT_DIR, ensureRun, expect, openApp, test } from './fixtures';

/** Every page in both themes, kept under e2e/artifacts/screenshots/ for review. */
for (const theme of ['dark', 'light'] as const) {
  test(`screenshots of every page, ${theme} theme`, async ({ page, rig }) => {
    const runId = await ensureRun(rig);
    // One generated shape, so the Models page shows both states.
    await rig.core.generateModel('tiny');
    rig.core.updateSettings({ theme });
    const pages: Array<[name: string, path: string]> = [
      ['machine', '/machine'],
      ['run', '/run'],
      ['results', '/results'],
      ['run-detail', `/results/${runId}`],
      ['history', '/history/system.memory'],
      ['settings', '/settings'],
      ['compare-no-match', `/compare/${runId}`],
      ['reference', '/reference'],
      ['reference-card', '/reference/rtx-4090'],
      ['models', '/models'],
    ];
    for (const [name, path] of pages) {
      await openApp(page, rig, path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await settle(page);
      await page.screenshot({ path: `${SCREENSHOT_DIR}${name}-${theme}.png`, fullPage: true });
    }
  });
}

/**
 * Compare with matching figures cannot be produced on this machine (no GPU engine with published figures runs
 * here), so this screenshot stubs the `compare:run` and `compare:upgrade` replies with what core computes over the
 * real reference dataset for EXAMPLE local results (the "yours" values below are layout inputs, not measurements).
 * It exists to review the layout; the files are named `compare-example-*`.
 */
for (const theme of ['dark', 'light'] as const) {
  test(`screenshots of Compare with matches (example values), ${theme} theme`, async ({ page, rig }) => {
    const runId = await ensureRun(rig);
    rig.core.updateSettings({ theme });
    await stubExampleComparison(page, rig, runId);
    await openApp(page, rig, `/compare/${runId}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await settle(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}compare-example-${theme}.png`, fullPage: true });
    await page.getByRole('tab', { name: 'Upgrade' }).click();
    await expect(page.getByLabel('Target card')).toHaveValue('rtx-4090');
    await expect(page.getByRole('table', { name: /Expected change per workload/ })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOT_DIR}compare-upgrade-example-${theme}.png`, fullPage: true });
  });
}

/** Waits until nothing is loading and charts have drawn (ECharts animates for about a second). */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('.state-loading')).toHaveCount(0);
  if ((await page.locator('.chart').count()) > 0) {
    await expect(page.locator('.chart canvas').first()).toBeVisible();
    await page.waitForTimeout(1200);
  }
}

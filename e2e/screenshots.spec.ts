import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR, ensureRun, expect, openApp, test } from './fixtures';

/** Every page in both themes, kept under e2e/artifacts/screenshots/ for review. */
for (const theme of ['dark', 'light'] as const) {
  test(`screenshots of every page, ${theme} theme`, async ({ page, rig }) => {
    const runId = await ensureRun(rig);
    rig.core.updateSettings({ theme });
    const pages: Array<[name: string, path: string]> = [
      ['machine', '/machine'],
      ['run', '/run'],
      ['results', '/results'],
      ['run-detail', `/results/${runId}`],
      ['history', '/history/system.memory'],
      ['settings', '/settings'],
    ];
    for (const [name, path] of pages) {
      await openApp(page, rig, path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await settle(page);
      await page.screenshot({ path: `${SCREENSHOT_DIR}${name}-${theme}.png`, fullPage: true });
    }
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

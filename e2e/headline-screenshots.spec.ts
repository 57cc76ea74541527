import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR, expect, openApp, test } from './fixtures';
import { addTinyReference, TINY_REFERENCE_FILE } from './test-sized-suite';

/**
 * The headline where people look (finish screen, This machine, Results, Run detail), both themes and a 900 px
 * window, over a real test-sized quick run with the tiny model's figures added as a user file. Kept under
 * e2e/artifacts/screenshots/ (or RIGMARK_SHOTS_DIR) for review by eye.
 */
test.use({ rigSuite: 'test-sized' });
const DIR = process.env['RIGMARK_SHOTS_DIR'] ?? SCREENSHOT_DIR;

async function quickRunToFinish(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Run quick benchmark' }).click();
  await expect(page.getByRole('region', { name: 'Headline result' })).toBeVisible({ timeout: 300_000 });
  await expect(page.locator('.state-loading')).toHaveCount(0);
  const id = /Run #(\d+)/.exec((await page.locator('.run-overall .card-title').textContent()) ?? '')?.[1];
  return Number(id);
}

async function shoot(page: Page, name: string): Promise<void> {
  await expect(page.locator('.state-loading')).toHaveCount(0);
  await page.screenshot({ path: `${DIR}headline-${name}.png`, fullPage: true });
}

for (const theme of ['dark', 'light'] as const) {
  test(`headline screenshots, ${theme} theme`, async ({ page, rig }) => {
    test.setTimeout(480_000);
    rig.core.updateSettings({ theme });
    await openApp(page, rig, '/machine');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const runId = await quickRunToFinish(page);
    await shoot(page, `finish-${theme}`);
    for (const [name, path] of [['machine', '/machine'], ['results', '/results'], ['run-detail', `/results/${runId}`]] as const) {
      await openApp(page, rig, path);
      await expect(page.getByRole('region', { name: name === 'results' ? 'Headline of the latest run' : 'Headline result' })).toBeVisible();
      await shoot(page, `${name}-${theme}`);
    }
    await openApp(page, rig, '/reference');
    const files = page.getByRole('region', { name: 'Your reference files' });
    await expect(files.getByText(TINY_REFERENCE_FILE)).toBeVisible();
    await files.screenshot({ path: `${DIR}headline-reference-files-${theme}.png` });
    // Without the added figures nothing compares: the headline says why and what would.
    rig.core.removeReference(TINY_REFERENCE_FILE);
    try {
      await openApp(page, rig, '/machine');
      await expect(page.getByText(/has figures for A100 and RTX 4090/)).toBeVisible();
      await shoot(page, `machine-no-match-${theme}`);
    } finally {
      addTinyReference(rig.core);
    }
    if (theme === 'dark') {
      // A window opened at 900 px: the page, once drawn wide, keeps its width when narrowed (charts hold their size).
      await page.setViewportSize({ width: 900, height: 860 });
      await openApp(page, rig, '/machine');
      await quickRunToFinish(page);
      await shoot(page, 'finish-900px-dark');
    }
  });
}

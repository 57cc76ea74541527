import { SCREENSHOT_DIR, expect, openApp, test } from './fixtures';

/**
 * The quick suite's plan as a first-time user sees it before pressing Start, over the real catalogue: the 8B model
 * with its one-time generation step, the time only of what will run, and what cannot run here listed apart with
 * how to enable it. Both themes and a 900 px window, kept for review by eye; nothing is run.
 */
for (const theme of ['dark', 'light'] as const) {
  test(`quick suite plan, ${theme} theme`, async ({ page, rig }) => {
    rig.core.updateSettings({ theme });
    await openApp(page, rig, '/run');
    await page.getByRole('radio', { name: /^Quick/ }).check();
    const willRun = page.getByRole('list', { name: 'Benchmarks that will run' });
    await expect(willRun).toContainText('synthetic Llama 3 8B Q4_K_M');
    await expect(willRun).toContainText(/first generates synthetic Llama 3 8B Q4_K_M, once \(\d+\.\d GB, about/);
    await expect(page.locator('.state-loading')).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}plan-quick-${theme}.png`, fullPage: true });
    if (theme === 'dark') {
      await page.setViewportSize({ width: 900, height: 860 });
      await openApp(page, rig, '/run');
      await page.getByRole('radio', { name: /^Quick/ }).check();
      await expect(willRun).toContainText('synthetic Llama 3 8B Q4_K_M');
      await page.screenshot({ path: `${SCREENSHOT_DIR}plan-quick-900px-dark.png`, fullPage: true });
    }
  });
}

import type { ModelEvent } from '../src/shared/domain/events';
import { expect, openApp, test } from './fixtures';

test('Models lists the synthetic shapes; generating tiny shows progress, then generated', async ({ page, rig }) => {
  await openApp(page, rig, '/models');
  const synthetic = page.getByRole('table', { name: 'Synthetic models' });
  for (const name of ['tiny', 'llama-3.2-1b-q4_0', 'llama-2-7b-q4_0', 'llama-3-8b-q4_k_m', 'llama-3-8b-f16']) {
    await expect(synthetic.getByText(`synthetic:${name}`, { exact: true })).toBeVisible();
  }
  await expect(page.getByText(/never downloads a model/)).toBeVisible();

  // What core emitted, and what the page showed, so a fast generation still proves progress was reported.
  const events: ModelEvent['type'][] = [];
  const stop = rig.core.onEvent((e) => {
    if (e.type === 'model-progress' || e.type === 'model-finished') events.push(e.type);
  });
  // A string, not a function: the e2e project has no DOM typings, and this runs in the page.
  await page.evaluate(`
    window.seenProgress = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label^="Generating"]');
      if (bar !== null) window.seenProgress.push(bar.getAttribute('aria-valuenow'));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  `);

  const tiny = synthetic.getByRole('row').filter({ hasText: 'synthetic:tiny' });
  await expect(tiny.getByText('not generated')).toBeVisible();
  await tiny.getByRole('button', { name: /^Generate/ }).click();
  await expect(tiny.getByText('generated', { exact: true })).toBeVisible();
  await expect(tiny.locator('.path')).toContainText('tiny');
  stop();

  expect(events[0]).toBe('model-progress');
  expect(events.at(-1)).toBe('model-finished');
  const seen = (await page.evaluate('window.seenProgress')) as string[];
  expect(seen.length, 'the progress bar was shown while generating').toBeGreaterThan(0);
});

import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR, expect, openApp, test } from './fixtures';
import { overflowingElements } from './page-fit';

/**
 * Plain words on the pages a new user sees first: This machine, Run (setup, picker, plan, pre-flight, progress) and a
 * run's Results, over the real core on this machine (no GPU here, no Ollama, no serving engine). No backtick
 * anywhere; no benchmark id ("gpu.matmul-fp32") outside the Details disclosures and code-type zones (paths,
 * hashes); no "CV" or "N" column headers. Screenshots of This machine and Run in both themes and at 900 px.
 * The WebGPU probe answers "no adapter" as a machine without a WebGPU driver does (fixtures.ts, RigWebGpu).
 */

test.use({ rigWebGpu: 'no-adapter' });

/** Visible text of the page outside <details>, <code> and <pre>, one entry per text node (so words never run together). */
const TEXT_OUTSIDE_DETAILS = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent === null || parent.closest('details, code, pre, script, style, [hidden]') !== null) continue;
    const text = (node.textContent ?? '').trim();
    if (text !== '') out.push(text);
  }
  return out;
})()`;

/** Every text on the page, Details included, and every tooltip. */
const ALL_TEXT = `(() => [document.body.textContent ?? '', ...[...document.querySelectorAll('[title]')].map((el) => el.getAttribute('title') ?? '')])()`;

// "word.word" as a benchmark id looks ("llamacpp.pp512", "system.disk-write"); product and file names that have the
// same shape ("llama.cpp", "<file.gguf>" in a command to type) are not ids.
const ID_SHAPE = /\b[a-z]+\.[a-z0-9-]+\b/g;
const NOT_IDS = new Set(['llama.cpp', 'e.g', 'i.e']);
const FILE_NAME = /\.(gguf|json|csv|md|db)$/;

async function expectPlainWords(page: Page, where: string): Promise<void> {
  await expect(page.locator('.state-loading')).toHaveCount(0);
  const outside = (await page.evaluate(TEXT_OUTSIDE_DETAILS)) as string[];
  const ids = outside.flatMap((text) => [...text.matchAll(ID_SHAPE)].map((m) => m[0])).filter((m) => !NOT_IDS.has(m) && !FILE_NAME.test(m));
  expect(ids, `id-like words on ${where}`).toEqual([]);
  const all = (await page.evaluate(ALL_TEXT)) as string[];
  expect(all.filter((text) => text.includes('`')), `backticks on ${where}`).toEqual([]);
  const headers = (await page.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  expect(headers.filter((h) => /^(CV|N|n)$|\(CV\)/.test(h)), `abbreviated headers on ${where}`).toEqual([]);
  expect(outside.filter((text) => /\bCV\b/.test(text)), `"CV" on ${where}`).toEqual([]);
}

async function shoot(page: Page, name: string): Promise<void> {
  await expect(page.locator('.state-loading')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}plain-${name}.png`, fullPage: true });
}

test('This machine, Run and a run\'s Results speak in sentences, with diagnostics behind Details', async ({ page, rig }) => {
  test.setTimeout(240_000);
  await openApp(page, rig, '/machine');
  await expect(page.getByText('No GPU detected')).toBeVisible();
  await expectPlainWords(page, 'This machine');

  await openApp(page, rig, '/run');
  await expect(page.getByRole('list', { name: 'Benchmarks that will run' })).toBeVisible();
  await expectPlainWords(page, 'Run (quick plan)');
  await page.getByRole('radio', { name: /Choose benchmarks/ }).check();
  // What cannot run here says why in words; the probe's own words are one click away.
  const fp32 = page.locator('.picker-item', { has: page.getByRole('checkbox', { name: /GPU matmul FP32/ }) });
  await expect(fp32.getByText('No graphics driver here offers a WebGPU device, which this GPU test needs.')).toBeVisible();
  await expect(fp32.getByText(/Dawn found none/)).toBeHidden();
  await fp32.getByText('Details').click();
  await expect(fp32.getByText(/Dawn found none/)).toBeVisible();
  await expectPlainWords(page, 'Run (benchmark picker)');

  await page.getByRole('checkbox', { name: /Memory copy bandwidth/ }).check();
  await page.getByLabel('Counted repetitions per benchmark').fill('3');
  await expect(page.getByText(/1 benchmark will run/)).toBeVisible();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('button', { name: 'Cancel run' })).toBeVisible();
  await expectPlainWords(page, 'Run (progress)');
  const viewResult = page.getByRole('link', { name: 'View result' });
  await expect(viewResult).toBeVisible({ timeout: 180_000 });
  await expect(page.getByRole('region', { name: 'Headline result' })).toBeVisible();
  await expectPlainWords(page, 'Run (finished)');

  await viewResult.click();
  await expect(page.getByRole('heading', { name: /^Run #\d+$/, level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Results per benchmark' });
  await expect(table.getByRole('columnheader', { name: 'Run-to-run spread' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Samples' })).toBeVisible();
  await expectPlainWords(page, 'Run detail');
  await shoot(page, 'run-detail-dark');

  await openApp(page, rig, '/results');
  await expect(page.getByRole('table', { name: 'Stored runs' })).toBeVisible();
  await expectPlainWords(page, 'Results');

  await openApp(page, rig, '/machine');
  await expect(page.getByRole('region', { name: 'Last result' }).getByRole('table')).toBeVisible();
  await expectPlainWords(page, 'This machine (after a run)');
});

for (const theme of ['dark', 'light'] as const) {
  test(`plain-words screenshots of This machine and Run, ${theme} theme`, async ({ page, rig }) => {
    rig.core.updateSettings({ theme });
    await openApp(page, rig, '/machine');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page.getByRole('region', { name: 'GPU' }).getByText('Details').click();
    await shoot(page, `machine-${theme}`);
    await openApp(page, rig, '/run');
    await page.getByRole('radio', { name: /Choose benchmarks/ }).check();
    await expect(page.getByRole('checkbox', { name: /GPU matmul FP32/ })).toBeVisible();
    await shoot(page, `run-${theme}`);
    if (theme === 'dark') {
      await page.setViewportSize({ width: 900, height: 860 });
      await openApp(page, rig, '/machine');
      await shoot(page, 'machine-900px-dark');
      // Nothing reaches past a 900 px window: wide tables scroll inside their own box.
      expect(await overflowingElements(page)).toEqual([]);
      await openApp(page, rig, '/run');
      await page.getByRole('radio', { name: /Choose benchmarks/ }).check();
      await expect(page.getByRole('checkbox', { name: /GPU matmul FP32/ })).toBeVisible();
      await shoot(page, 'run-900px-dark');
      expect(await overflowingElements(page)).toEqual([]);
    }
  });
}

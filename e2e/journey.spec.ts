import { formatDeltaPct } from '../src/renderer/src/lib/format';
import { headlineParts } from '../src/shared/format/headline';
import { speedRatioText } from '../src/shared/format/speed-ratio';
import { modelText, workloadTitle } from '../src/shared/format/workload';
import { expect, openApp, test } from './fixtures';
import { TINY_REFERENCE_FILE } from './test-sized-suite';

// The real core and real llama.cpp workers on a test-sized quick suite (the tiny model), with that model's figures
// added as a user reference file: run → finish screen → Compare, with no channel stubbed on the way.
test.use({ rigSuite: 'test-sized' });

test('one click on This machine: the quick run ends with its headline, which leads into Compare with the ratios core computed', async ({ page, rig }) => {
  test.setTimeout(480_000);
  await openApp(page, rig, '/machine');
  await page.getByRole('button', { name: 'Run quick benchmark' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Run' })).toBeVisible();

  // The finish screen: the headline card appears once run-finished has arrived.
  const headline = page.getByRole('region', { name: 'Headline result' });
  await expect(headline).toBeVisible({ timeout: 420_000 });
  await expect(page.getByRole('link', { name: 'View result' })).toBeVisible();
  const [run] = rig.core.listRuns({ limit: 1 });
  if (run === undefined) throw new Error('the quick run was not stored');

  // What core computes for that run: both default cards matched on pp512 and tg128 through the added file.
  const expected = rig.core.headline({ runId: run.id });
  expect(expected.cards.map((c) => [c.cardKey, c.benchmarkIds])).toEqual([
    ['a100', ['llamacpp.pp512', 'llamacpp.tg128']],
    ['rtx-4090', ['llamacpp.pp512', 'llamacpp.tg128']],
  ]);
  expect(expected.score.benchmarkCount).toBe(2);
  const parts = headlineParts(expected);
  await expect(headline.getByRole('link', { name: /Rigmark Score/ })).toHaveText(`Rigmark Score${parts.scoreValueText}${parts.scoreCountText}`);
  for (const card of parts.cards) await expect(headline.getByRole('link', { name: card.label })).toHaveText(`${card.label}${card.ratioText}`);
  await expect(headline.getByText('Ratios over 2 benchmarks each.', { exact: false })).toBeVisible();

  // Into Compare for this run, which opens on the A100 and the RTX 4090.
  await headline.getByRole('link', { name: 'vs A100' }).click();
  await expect(page).toHaveURL(new RegExp(`#/compare/${run.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Compare run #${run.id}` })).toBeVisible();
  const chips = page.getByRole('group', { name: 'Reference cards' }).getByRole('listitem');
  await expect(chips.nth(0)).toHaveText(/NVIDIA A100/);
  await expect(chips.nth(1)).toHaveText(/NVIDIA GeForce RTX 4090/);

  // Per benchmark and card, the ±% Compare shows is core's; the headline is the geometric mean of those ratios.
  const view = rig.core.compareRun({ runId: run.id });
  const titles = new Map((await rig.core.listBenchmarks()).map((b) => [b.id, b.title]));
  for (const cardKey of ['a100', 'rtx-4090']) {
    const cells = view.comparison.rows.map((row) => row.cards.find((c) => c.cardKey === cardKey));
    const ratios = cells.map((cell) => cell?.ratio ?? Number.NaN);
    const mean = Math.exp(ratios.reduce((sum, r) => sum + Math.log(r), 0) / ratios.length);
    expect(expected.cards.find((c) => c.cardKey === cardKey)?.geomeanRatio).toBeCloseTo(mean, 12);
  }
  for (const row of view.comparison.rows) {
    // Each workload's section is named in words: "Prompt processing · 512 tokens, Tiny Q4_0 (synthetic)".
    const title = workloadTitle(row.benchmarkId, row.identity, titles.get(row.benchmarkId));
    const model = modelText(row.identity);
    const section = page.getByRole('region', { name: model === null ? title : `${title}, ${model}`, exact: true });
    for (const cell of row.cards) {
      const name = view.comparison.cards.find((c) => c.key === cell.cardKey)?.displayName ?? cell.cardKey;
      const tableRow = section.getByRole('row', { name: new RegExp(`^${name}\\b`) }).first();
      await expect(tableRow.locator('.speed-ratio-words')).toHaveText(speedRatioText(cell.ratio));
      await expect(tableRow.locator('.speed-ratio-pct')).toHaveText(formatDeltaPct(cell.deltaPct));
    }
  }
  // Every figure used names the user's file it came from.
  await expect(page.getByText(`your file: ${TINY_REFERENCE_FILE} — Rigmark test fixture`, { exact: false }).first()).toBeVisible();
});

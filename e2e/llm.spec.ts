import { speedRatioText } from '../src/shared/format/speed-ratio';
import { expect, openApp, test } from './fixtures';

/**
 * The LLM benchmarks end to end in web mode, on llama.cpp's CPU backend (no GPU here). Slow by nature (real
 * inference on 2 cores), so each test gets a long budget; nothing here asserts a time.
 */
test.describe.configure({ timeout: 15 * 60_000 });

test('the quick suite runs synthetic Llama 3 8B Q4_K_M, and Compare holds A100 and RTX 4090 ratios from the bundled figures', async ({ page, rig }) => {
  // The real quick suite (one repetition to keep the test short): the shape the bundled figures cover best.
  const { runId } = await rig.core.startRun({ suite: 'quick', repetitions: 1 });
  await openApp(page, rig, '/run');
  // The live view follows the run the core started.
  await expect(page.getByText(`Run #${runId}`).first()).toBeVisible();
  await rig.core.waitForRun(runId);
  const detail = rig.core.getRun(runId)!;
  const llama = detail.results.filter((r) => r.benchmarkId.startsWith('llamacpp.'));
  expect(llama.map((r) => [r.benchmarkId, r.status, r.identity.backend, r.identity.modelKey, r.identity.isSynthetic])).toEqual([
    ['llamacpp.pp512', expect.stringMatching(/passed|unstable/), 'cpu', 'llama-3-8b', true],
    ['llamacpp.tg128', expect.stringMatching(/passed|unstable/), 'cpu', 'llama-3-8b', true],
  ]);

  // Compare's defaults: the A100 and the RTX 4090, each with a published figure and a ratio for both benchmarks.
  const view = rig.core.compareRun({ runId });
  for (const id of ['llamacpp.pp512', 'llamacpp.tg128']) {
    const row = view.comparison.rows.find((r) => r.benchmarkId === id);
    // Compare may add the card nearest to this machine after the two defaults; the defaults come first.
    expect(row?.cards.slice(0, 2).map((c) => [c.cardKey, c.picked !== null, (c.ratio ?? 0) > 0])).toEqual([
      ['a100', true, true],
      ['rtx-4090', true, true],
    ]);
  }
  await openApp(page, rig, `/compare/${runId}`);
  const chips = page.getByRole('group', { name: 'Reference cards' }).getByRole('listitem');
  await expect(chips.nth(0)).toHaveText(/NVIDIA A100/);
  await expect(chips.nth(1)).toHaveText(/NVIDIA GeForce RTX 4090/);
  // The real measurement against the bundled figures, in the words core's ratios give.
  for (const row of view.comparison.rows.filter((r) => r.benchmarkId.startsWith('llamacpp.'))) {
    const cell = row.cards.find((c) => c.cardKey === 'a100')!;
    const table = page.getByRole('table', { name: new RegExp(`^${row.benchmarkId.endsWith('pp512') ? 'Prompt processing · 512' : 'Text generation · 128'} tokens, Llama 3 8B Q4_K_M \\(synthetic\\)`) });
    await expect(table.getByRole('row', { name: /NVIDIA A100/ }).first().locator('.speed-ratio-words')).toHaveText(speedRatioText(cell.ratio));
  }
  const headline = rig.core.headline({ runId });
  expect(headline.cards.map((c) => [c.cardKey, c.benchmarkIds.length])).toEqual([
    ['a100', 2],
    ['rtx-4090', 2],
  ]);
});

test('Compare shows a llama.cpp result against the scoreboard figures of the RTX 4090 and RTX 3090, with sources', async ({ page, rig }) => {
  // Llama 2 7B Q4_0 is the llama.cpp CUDA scoreboard model; the synthetic file has its exact shapes and types.
  const { runId } = await rig.core.startRun({ benchmarkIds: ['llamacpp.tg128'], model: 'synthetic:llama-2-7b-q4_0', repetitions: 1 });
  await rig.core.waitForRun(runId);
  const result = rig.core.getRun(runId)!.results[0]!;
  expect(result.stats.median).toBeGreaterThan(0);
  await openApp(page, rig, `/compare/${runId}`);
  await page.getByLabel('Add a reference card').selectOption('rtx-3090');
  const table = page.getByRole('table', { name: /^Text generation · 128 tokens, Llama 2 7B Q4_0 \(synthetic\)/ });
  await expect(table).toContainText('186.21');
  await expect(table).toContainText('158.16');
  await expect(table).toContainText(/close/i);
  // The source, as text (the app is offline): the llama.cpp CUDA scoreboard discussion.
  await expect(page.getByText(/Performance of llama\.cpp on NVIDIA CUDA/).first()).toBeVisible();
});

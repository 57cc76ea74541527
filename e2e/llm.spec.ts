import { expect, openApp, test } from './fixtures';

/**
 * The LLM benchmarks end to end in web mode, on llama.cpp's CPU backend (no GPU here). Slow by nature (real
 * inference on 2 cores), so each test gets a long budget; nothing here asserts a time.
 */
test.describe.configure({ timeout: 15 * 60_000 });

test('the quick suite runs in web mode: llama.cpp on the synthetic 1B shape reports pp512 and tg128', async ({ page, rig }) => {
  const { runId } = await rig.core.startRun({ suite: 'quick', repetitions: 1 });
  await openApp(page, rig, '/run');
  // The live view follows the run the core started.
  await expect(page.getByText(`Run #${runId}`).first()).toBeVisible();
  await rig.core.waitForRun(runId);
  await openApp(page, rig, `/results/${runId}`);
  for (const id of ['llamacpp.pp512', 'llamacpp.tg128']) {
    const card = page.locator('article, section, tr').filter({ hasText: id }).last();
    await expect(card).toContainText('tokens/s');
  }
  const detail = rig.core.getRun(runId)!;
  const llama = detail.results.filter((r) => r.benchmarkId.startsWith('llamacpp.'));
  expect(llama.map((r) => [r.status, r.identity.backend, r.identity.modelKey, r.identity.isSynthetic])).toEqual([
    [expect.stringMatching(/passed|unstable/), 'cpu', 'llama-3.2-1b', true],
    [expect.stringMatching(/passed|unstable/), 'cpu', 'llama-3.2-1b', true],
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
  const table = page.locator('table').filter({ hasText: 'llama.cpp generation (tg128)' }).first();
  await expect(table).toContainText('186.21');
  await expect(table).toContainText('158.16');
  await expect(table).toContainText(/close/i);
  // The source, as text (the app is offline): the llama.cpp CUDA scoreboard discussion.
  await expect(page.getByText(/Performance of llama\.cpp on NVIDIA CUDA/).first()).toBeVisible();
});

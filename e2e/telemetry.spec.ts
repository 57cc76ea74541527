import type { APIRequestContext } from '@playwright/test';
import { HTTP_CALL_PREFIX } from '../src/shared/api/transport';
import { expect, openApp, SCREENSHOT_DIR, test } from './fixtures';
import type { Rig } from './fixtures';

// This file's core detects the system and samples GPU telemetry with the stand-in nvidia-smi (no GPU exists here):
// an RTX 4090 that reports sw_power_cap on every third reading.
test.use({ rigTelemetry: 'stand-in-nvidia-smi' });

/** Starts `system.memory` × 3 through the HTTP API as the UI does, and waits for it in core. */
async function runThroughApi(rig: Rig, request: APIRequestContext): Promise<number> {
  const existing = rig.core.listRuns().find((r) => r.status === 'completed');
  if (existing !== undefined) return existing.id;
  const response = await request.post(`${rig.origin}${HTTP_CALL_PREFIX}runs:start`, {
    data: { benchmarkIds: ['system.memory'], repetitions: 3 },
    headers: { Authorization: `Bearer ${rig.token}` },
  });
  const body = (await response.json()) as { ok: boolean; value?: { runId: number } };
  expect(body.ok).toBe(true);
  const runId = body.value?.runId ?? -1;
  await rig.core.waitForRun(runId);
  return runId;
}

/** The canvas surface as much as this check needs (the e2e tsconfig has no DOM library). */
interface Canvas2d {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/** Runs in the page: true once anything is drawn on the canvas. */
function hasPixels(element: unknown): boolean {
  const canvas = element as Canvas2d;
  const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
  if (data === undefined) return false;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
  return false;
}

for (const theme of ['dark', 'light'] as const) {
  test(`run detail shows the GPU telemetry timeline with throttle reasons, ${theme} theme`, async ({ page, rig, request }) => {
    const runId = await runThroughApi(rig, request);
    rig.core.updateSettings({ theme });
    await openApp(page, rig, `/results/${runId}`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const card = page.getByRole('region', { name: 'Memory copy bandwidth' });
    const section = card.getByRole('region', { name: 'GPU telemetry' });
    await section.scrollIntoViewIfNeeded();
    await expect(section).toBeVisible();
    await expect(section.getByText('THROTTLED', { exact: true })).toBeVisible();
    await expect(section.getByText('sw_power_cap')).toBeVisible();
    await expect(section.getByText('Avg power')).toBeVisible();
    // The timeline was read through runs:telemetry and drawn: a canvas with pixels on it.
    const canvas = section.locator('.chart canvas').first();
    await expect(canvas).toBeVisible();
    await expect.poll(() => canvas.evaluate(hasPixels)).toBe(true);
    await expect(section.getByRole('img', { name: /GPU telemetry: GPU 0 over .* throttled in \d+ stretch(es)? \(sw_power_cap\)/ })).toBeAttached();
    await section.screenshot({ path: `${SCREENSHOT_DIR}telemetry-${theme}-section.png` });
    await page.screenshot({ path: `${SCREENSHOT_DIR}telemetry-${theme}.png`, fullPage: true });
  });
}

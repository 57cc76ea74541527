import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { createRigmarkCore } from '../src/core/app/create-core';
import { expect, openApp, test } from './fixtures';

// Markup an imported export can carry (under the 64-character unit limit). The CSP would stop the script; what this
// spec proves is that no element is made from the text at all: it reaches the page as text.
const UNIT = '<u><img src=x onerror=alert(1)>';
const TITLE = '<b>Memory</b><img src=x onerror=alert(2)>';
const CPU_MODEL = '<i>CPU</i><img src=x onerror=alert(3)>';

interface RunExport {
  detail: { system: { cpu: { model: string } }; results: Array<{ title: string; unit: string }> };
}

/**
 * A JSON export of a real run (system.memory, three repetitions, measured by a throwaway core so the rig's own
 * store holds only the imported run), with markup in the benchmark title, the unit and the CPU model.
 */
async function markupExport(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rigmark-e2e-source-'));
  try {
    const source = await createRigmarkCore({ dataDir });
    try {
      const { runId } = await source.startRun({ benchmarkIds: ['system.memory'], repetitions: 3 });
      await source.waitForRun(runId);
      const doc = JSON.parse(source.exportRun(runId, 'json')) as RunExport;
      doc.detail.system.cpu.model = CPU_MODEL;
      for (const result of doc.detail.results) {
        result.title = TITLE;
        result.unit = UNIT;
      }
      return JSON.stringify(doc);
    } finally {
      await source.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The few DOM members the probe below uses (e2e code is typed for Node, without the DOM library). */
interface ProbeElement {
  querySelector(selector: string): ProbeElement | null;
  querySelectorAll(selector: string): ArrayLike<ProbeElement>;
  getBoundingClientRect(): { top: number; bottom: number; left: number; right: number };
  dispatchEvent(event: unknown): boolean;
  innerHTML: string;
}

/**
 * Runs in the page: moves a synthetic pointer over the chart's canvas in 3 px steps and returns the first spot where
 * ECharts filled its tooltip (a div beside the canvas, its content with a line break), or null.
 */
function probeTooltipSpot(element: unknown): { x: number; y: number } | null {
  const root = element as ProbeElement;
  const PointerMove = (globalThis as unknown as { MouseEvent: new (type: string, init: Record<string, unknown>) => unknown }).MouseEvent;
  const canvas = root.querySelector('canvas');
  if (canvas === null) return null;
  const box = canvas.getBoundingClientRect();
  const tooltipFilled = (): boolean => Array.from(root.querySelectorAll('div')).some((d) => d.querySelector('canvas') === null && d.innerHTML.includes('<br'));
  for (let y = box.top + 2; y < box.bottom; y += 3) {
    for (let x = box.left + 2; x < box.right; x += 3) {
      canvas.dispatchEvent(new PointerMove('mousemove', { clientX: x, clientY: y, bubbles: true }));
      if (tooltipFilled()) return { x, y };
    }
  }
  return null;
}

/**
 * Moves the real mouse to a point of the chart that shows a tooltip. The point's pixels are not known outside
 * ECharts, so the page first probes the plot with synthetic mouse moves (cheap, no round trip each) and reports the
 * first spot where a tooltip appeared; the real mouse then hovers there.
 */
async function hoverUntilTooltip(page: Page, chart: Locator): Promise<Locator> {
  await chart.scrollIntoViewIfNeeded();
  const tooltip = chart.locator('div').filter({ hasNot: page.locator('canvas') }).filter({ hasText: /\S/ }).last();
  // The whole gesture is retried: the chart animates in (its points answer the pointer only once settled), and an
  // option set after the probe (a resource settling: setOption with notMerge) rebuilds the tooltip, whose element
  // is then gone until the pointer moves again — as a person would, move away and hover again.
  await expect(async () => {
    const spot = await chart.evaluate(probeTooltipSpot);
    expect(spot, 'a point of the chart that shows a tooltip').not.toBeNull();
    const { x, y } = spot!;
    await page.mouse.move(x - 40, y - 40);
    await page.mouse.move(x, y, { steps: 4 });
    await expect(tooltip).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  return tooltip;
}

test('markup in an imported run is shown as text in tables and chart tooltips, never as elements', async ({ page, rig }) => {
  const { runId } = rig.core.importRun(await markupExport());
  const images = page.locator('img[src="x"]');

  await openApp(page, rig, `/results/${runId}`);
  const table = page.getByRole('table', { name: 'Results per benchmark' });
  await expect(table.getByRole('link', { name: TITLE })).toBeVisible();
  await expect(table.getByText(UNIT).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: TITLE })).toBeVisible();
  const samplesTooltip = await hoverUntilTooltip(page, page.locator('.result-card .chart').first());
  await expect(samplesTooltip).toContainText(UNIT);
  await expect(images).toHaveCount(0);

  await openApp(page, rig, '/history/system.memory');
  await expect(page.getByRole('table', { name: /per run/ }).getByText(CPU_MODEL, { exact: false })).toBeVisible();
  const historyTooltip = await hoverUntilTooltip(page, page.locator('.chart').first());
  await expect(historyTooltip).toContainText(UNIT);
  await expect(historyTooltip).toContainText(CPU_MODEL);
  await expect(images).toHaveCount(0);
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRigmarkCore } from '../../src/core/app/create-core';
import { hashIdentity } from '../../src/core/bench/identity';
import { deltaPctOf, formatDeltaPct } from '../../src/core/compare';
import type { CardComparison, RunComparisonView, UpgradeGain } from '../../src/shared/domain/compare';
import type { Headline } from '../../src/shared/domain/headline';
import type { CardSummary, ReferenceRecord } from '../../src/shared/domain/reference';
import type { RunDetail } from '../../src/shared/domain/results';
import { headlineParts } from '../../src/shared/format/headline';
import { speedRatioText } from '../../src/shared/format/speed-ratio';
import { formatNumber } from '../../src/cli/output';
import { useTempDirs } from '../helpers/temp-dir';
import { runCli } from './run-cli';

/** A JSON run export with llama.cpp results on synthetic Llama 3 8B Q4_K_M, CPU backend: example values. */
const LLAMA_RUN = fileURLToPath(new URL('../fixtures/runs/llamacpp-cpu-example.json', import.meta.url));
const WIDTH = 120;
const dataDir = useTempDirs('rigmark-cli-compare-');

const width = (line: string): number => Array.from(line).length;
const linesOf = (text: string): string[] => text.replace(/\n$/, '').split('\n');
/** Words of a text with line breaks and alignment runs folded, so a wrapped sentence reads as one. */
const folded = (text: string): string => text.replace(/\s+/g, ' ');
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const RAW_ID = /\b(llamacpp\.(pp|tg)\d+|ollama\.generate|serving\.throughput|image\.generate|vision\.throughput)\b/;

async function cli(args: string[], dir: string): Promise<string> {
  const r = await runCli(args, { RIGMARK_DATA_DIR: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

function expectFits(text: string): void {
  const long = linesOf(text).filter((l) => width(l) > WIDTH);
  expect(long).toEqual([]);
}

/** The rows under the heading line that starts with `heading`, up to the next heading (a line not indented). */
function rowsUnder(text: string, heading: string): string[] {
  const lines = linesOf(text);
  const start = lines.findIndex((l) => l.startsWith(heading));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && !l.startsWith(' '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** A data dir holding the example llama.cpp run (run 1), imported through the CLI. */
async function withLlamaRun(file = LLAMA_RUN): Promise<string> {
  const dir = dataDir();
  expect((await runCli(['import', file], { RIGMARK_DATA_DIR: dir })).code).toBe(0);
  return dir;
}

describe('rigmark compare --ref a100 --vs rtx-4090 (real process)', () => {
  it('fits 120 columns, tells the four Llama 3 8B Q4_K_M generation rows apart by settings, with core\'s ratios in words and ±%', async () => {
    const dir = dataDir();
    const text = await cli(['compare', '--ref', 'a100', '--vs', 'rtx-4090'], dir);
    const c = JSON.parse(await cli(['compare', '--ref', 'a100', '--vs', 'rtx-4090', '--json'], dir)) as CardComparison;
    expectFits(text);
    expect(text).not.toMatch(RAW_ID);
    const header = linesOf(text).find((l) => l.trimStart().startsWith('workload'));
    expect(header).toBeDefined();
    const settingsAt = header?.indexOf('settings') ?? -1;
    const settingsEnd = header?.search(/\s+A100\s/) ?? -1;
    const generation = rowsUnder(text, 'Llama 3 8B Q4_K_M — source:').filter((l) => l.trimStart().startsWith('Text generation'));
    expect(generation).toHaveLength(4);
    const settings = generation.map((l) => l.slice(settingsAt, settingsEnd).trim());
    expect(new Set(settings).size).toBe(4);
    expect(settings.map((s) => /^tg\d+/.exec(s)?.[0])).toEqual(['tg512', 'tg1024', 'tg4096', 'tg8192']);
    // One table row per core row, in core's order: the last two cells are core's ratio in words and its ±%.
    const tableRows = linesOf(text).filter((l) => /^ {2}\S/.test(l) && l !== header && /%$/.test(l));
    expect(tableRows).toHaveLength(c.rows.length);
    c.rows.forEach((row, i) => {
      expect(tableRows[i]?.endsWith(formatDeltaPct(row.deltaPct))).toBe(true);
      expect(tableRows[i]).toContain(`  ${speedRatioText(row.ratio)}  `);
    });
  });

  it('ends with a line per category and an overall line, from core\'s categories', async () => {
    const dir = dataDir();
    const text = await cli(['compare', '--ref', 'a100', '--vs', 'rtx-4090'], dir);
    const c = JSON.parse(await cli(['compare', '--ref', 'a100', '--vs', 'rtx-4090', '--json'], dir)) as CardComparison;
    const llm = c.categories.find((cat) => cat.category === 'llm');
    const serving = c.categories.find((cat) => cat.category === 'serving');
    expect(llm && serving).toBeTruthy();
    if (!llm || !serving) return;
    expect(text).toContain(`\n  A100 faster in ${llm.refWins} of ${llm.total} LLM workloads, median ${formatDeltaPct(llm.medianDeltaPct)} (${speedRatioText(llm.medianRatio)})\n`);
    const servingSlower = c.rows.filter((r) => r.category === 'serving' && r.ratio !== null && r.ratio < 1).length;
    expect(text).toContain(`\n  A100 slower in ${servingSlower} of ${serving.total} serving workloads, median ${formatDeltaPct(serving.medianDeltaPct)} (${speedRatioText(serving.medianRatio)})\n`);
    const ratios = c.rows.map((r) => r.ratio).filter((r): r is number => r !== null);
    const overall = `Overall, ${ratios.length} workloads with figures for both: A100 faster in ${ratios.filter((r) => r > 1).length}, RTX 4090 faster in ${ratios.filter((r) => r < 1).length}`;
    expect(folded(text)).toContain(overall);
  });

  it('prints every cell uncut with --wide (longer lines, the full settings text), and --json as core gives it', async () => {
    const dir = dataDir();
    const narrow = await cli(['compare', '--ref', 'a100', '--vs', 'rtx-4090'], dir);
    const wide = await cli(['compare', '--ref', 'a100', '--vs', 'rtx-4090', '--wide'], dir);
    const json = JSON.parse(await cli(['compare', '--ref', 'a100', '--vs', 'rtx-4090', '--json'], dir)) as CardComparison;
    expect(Math.max(...linesOf(wide).map(width))).toBeGreaterThan(WIDTH);
    const prose = json.rows.find((r) => r.ref.settingsSummary === '' && r.ref.settings.length > 40);
    expect(prose).toBeDefined();
    expect(wide).toContain(prose?.ref.settings);
    expect(narrow).not.toContain(prose?.ref.settings);
    expect(narrow).toContain('…');
    expect(narrow).toContain('--wide prints them in full');
    const core = await createRigmarkCore({ dataDir: dir });
    try {
      expect(json).toEqual(JSON.parse(JSON.stringify(core.compareCards({ ref: 'a100', vs: 'rtx-4090' }))));
    } finally {
      await core.close();
    }
  });
});

describe('rigmark compare on a stored run (real process, imported llama.cpp run)', () => {
  it('fits 120 columns, shows the workload and model in words, core\'s ratios and ±% per card, and the category and headline lines', async () => {
    const dir = await withLlamaRun();
    const text = await cli(['compare'], dir);
    const view = JSON.parse(await cli(['compare', '--json'], dir)) as RunComparisonView;
    const headline = (JSON.parse(await cli(['results', '--run', '1', '--json'], dir)) as { headline: Headline & { text: string } }).headline;
    expectFits(text);
    expect(text).not.toMatch(RAW_ID);
    const heading = 'Prompt processing · 512 tokens — Llama 3 8B Q4_K_M (synthetic) — yours 61.50 tokens/s (pp512 · CPU · Q4_K_M)';
    expect(text).toContain(`\n${heading}\n`);
    const pp = view.comparison.rows.find((r) => r.benchmarkId === 'llamacpp.pp512');
    const rows = rowsUnder(text, heading);
    expect(rows).toHaveLength(view.comparison.cards.length);
    view.comparison.cards.forEach((card, i) => {
      const cell = pp?.cards.find((c) => c.cardKey === card.key);
      expect(cell?.ratio).not.toBeNull();
      // Yours against the card, as core's BenchmarkRow ratio: "97.3× slower  −99.0 %".
      expect(rows[i]).toMatch(new RegExp(`  ${escape(speedRatioText(cell?.ratio))} +${formatDeltaPct(cell?.deltaPct ?? null)}  `));
    });
    for (const summary of view.comparison.categories) {
      const name = summary.cardKey === 'a100' ? 'A100' : summary.cardKey === 'rtx-4090' ? 'RTX 4090' : null;
      if (name === null) continue;
      expect(text).toContain(`\n  vs ${name}: yours slower in 2 of 2 LLM workloads, median ${formatDeltaPct(summary.medianDeltaPct)} (${speedRatioText(summary.medianRatio)})\n`);
    }
    expect(headline.score.value).not.toBeNull();
    expect(linesOf(text)).toContain(headline.text);
    expect(text).not.toContain('Full comparison: rigmark compare');
  });

  it('shows the match notes and full sources only with --wide', async () => {
    const dir = await withLlamaRun();
    const narrow = await cli(['compare'], dir);
    const wide = await cli(['compare', '--wide'], dir);
    expect(Math.max(...linesOf(wide).map(width))).toBeGreaterThan(WIDTH);
    expect(wide).toContain('backend cuda vs yours cpu');
    expect(narrow).not.toContain('backend cuda vs yours cpu');
    expect(wide).toContain('GPU-Benchmarks-on-LLM-Inference README (LLaMA 3 llama.cpp results), commit aa72e0e');
  });

  it('names what would compare when no card and no Rigmark Score has a figure for the run', async () => {
    const doc = JSON.parse(readFileSync(LLAMA_RUN, 'utf8')) as { detail: RunDetail };
    // The same run on a shape no bundled figure covers (Llama 3.2 1B Q4_0 on the CPU).
    for (const r of doc.detail.results) {
      r.identity = { ...r.identity, modelKey: 'llama-3.2-1b', quant: 'Q4_0' };
      r.identityHash = hashIdentity(r.identity);
    }
    const file = join(dataDir(), 'llama-3.2-1b-run.json');
    writeFileSync(file, JSON.stringify(doc));
    const dir = await withLlamaRun(file);
    const r = await runCli(['compare'], { RIGMARK_DATA_DIR: dir });
    expect(r.code).toBe(0);
    expectFits(r.stdout);
    expect(r.stderr).toMatch(/^Run 1 has no result with published figures to compare\. Benchmarks that have them: llama\.cpp prompt processing/);
    const headline = (JSON.parse(await cli(['results', '--run', '1', '--json'], dir)) as { headline: Headline }).headline;
    expect(headline.score.value).toBeNull();
    expect(headline.suggestion).not.toBeNull();
    const notes = headlineParts(headline).notes;
    expect(notes.some((n) => n.startsWith('No Rigmark Score:'))).toBe(true);
    for (const note of notes) expect(folded(r.stdout)).toContain(folded(note));
    expect(r.stdout).toContain('no published figure for this workload on these cards');
  });
});

describe('rigmark compare --upgrade rtx-4090 (real process, imported llama.cpp run)', () => {
  it('says the gain from core\'s ratio as the RTX 4090 being faster, and ±% from your side as the run comparison does', async () => {
    const dir = await withLlamaRun();
    const text = await cli(['compare', '--upgrade', 'rtx-4090'], dir);
    const gain = JSON.parse(await cli(['compare', '--upgrade', 'rtx-4090', '--json'], dir)) as UpgradeGain;
    const view = JSON.parse(await cli(['compare', '--vs', 'rtx-4090', '--json'], dir)) as RunComparisonView;
    expectFits(text);
    expect(text).not.toMatch(RAW_ID);
    expect(text).toMatch(/^ {2}card +figure +RTX 4090 is +yours ±%/m);
    for (const row of gain.rows) {
      expect(row.ratio).not.toBeNull();
      expect(speedRatioText(row.ratio)).toMatch(/faster$/);
      const yours = view.comparison.rows.find((r) => r.benchmarkId === row.benchmarkId)?.cards[0];
      // The same number core's run comparison gives (yours ÷ RTX 4090), from the upgrade's inverse ratio.
      expect(formatDeltaPct(deltaPctOf(1 / (row.ratio ?? 1)))).toBe(formatDeltaPct(yours?.deltaPct ?? null));
      const figure = escape(formatNumber(row.target?.figure.value));
      expect(text).toMatch(new RegExp(`\\n {2}RTX 4090 +${figure}  ${escape(speedRatioText(row.ratio))} +${formatDeltaPct(yours?.deltaPct ?? null)}  `));
    }
    const llm = gain.categories.find((c) => c.category === 'llm');
    expect(text).toContain(`\n  LLM: RTX 4090 ${speedRatioText(llm?.medianRatio)} than yours (median over ${llm?.count} workloads)\n`);
    expect(text).toContain(`RTX 4090 figures for 2 of 2 results of this run.`);
  });
});

describe('rigmark reference (real process)', () => {
  it('--gpu rtx-4090 fits 120 columns, ends with a count line per suite, and --wide prints the full settings', async () => {
    const dir = dataDir();
    const text = await cli(['reference', '--gpu', 'rtx-4090'], dir);
    const wide = await cli(['reference', '--gpu', 'rtx-4090', '--wide'], dir);
    const { figures } = JSON.parse(await cli(['reference', '--gpu', 'rtx-4090', '--json'], dir)) as { figures: ReferenceRecord[] };
    expectFits(text);
    expect(text).not.toMatch(RAW_ID);
    expect(linesOf(text)[0]).toBe(`NVIDIA GeForce RTX 4090: ${figures.length} published figures`);
    const suites = linesOf(text).slice(linesOf(text).indexOf('Figures per suite:') + 1);
    expect(suites).toHaveLength(new Set(figures.map((f) => f.suite)).size);
    expect(suites.reduce((sum, l) => sum + Number(/: (\d+) figures?/.exec(l)?.[1] ?? NaN), 0)).toBe(figures.length);
    expect(suites).toContain(`  llama.cpp: ${figures.filter((f) => f.suite === 'llamacpp').length} figures from ${new Set(figures.filter((f) => f.suite === 'llamacpp').map((f) => f.sourceUrl)).size} sources`);
    const prose = figures.find((f) => f.settings.length > 80 && !text.includes(f.settings));
    expect(prose).toBeDefined();
    expect(wide).toContain(prose?.settings);
    expect(Math.max(...linesOf(wide).map(width))).toBeGreaterThan(WIDTH);
    const core = await createRigmarkCore({ dataDir: dir });
    try {
      expect(figures).toEqual(JSON.parse(JSON.stringify(core.referenceFigures('rtx-4090'))));
    } finally {
      await core.close();
    }
  });

  it('lists every card within 120 columns', async () => {
    const dir = dataDir();
    const text = await cli(['reference'], dir);
    const cards = JSON.parse(await cli(['reference', '--json'], dir)) as CardSummary[];
    expectFits(text);
    for (const card of cards) expect(text).toMatch(new RegExp(`^${escape(card.key)} `, 'm'));
    expect(text).toContain(`${cards.length} cards`);
  });
});

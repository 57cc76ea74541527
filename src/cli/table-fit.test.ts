import { describe, expect, it } from 'vitest';
import { formatTable } from './output';
import { DEFAULT_TABLE_WIDTH, fitLines, fitTable, textWidth, truncateText, wrapText, type FitColumn } from './table-fit';

const widths = (text: string): number[] => text.trimEnd().split('\n').map(textWidth);

describe('truncateText', () => {
  it('leaves text that fits untouched', () => {
    expect(truncateText('pp512 · CUDA', 12)).toBe('pp512 · CUDA');
  });

  it('cuts after the last whole word with an ellipsis, dropping a dangling separator', () => {
    expect(truncateText('tg512 · 1 request at a time · CUDA · Q4_K_M', 24)).toBe('tg512 · 1 request at a…');
    expect(truncateText('pp512 · CUDA · Q4_K_M · llama-bench', 16)).toBe('pp512 · CUDA…');
  });

  it('cuts after a hyphen, and mid-word only with the ellipsis when no boundary keeps half the room', () => {
    expect(truncateText('GPU-Benchmarks-on-LLM-Inference README', 20)).toBe('GPU-Benchmarks-on-…');
    expect(truncateText('Supercalifragilistic', 8)).toBe('Superca…');
  });

  it('counts code points, so ×, − and · take one column each', () => {
    const cut = truncateText('486× slower −99.8 % · 1 request at a time', 20);
    expect(textWidth(cut)).toBeLessThanOrEqual(20);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('wrapText and fitLines', () => {
  it('breaks a sentence at spaces with a hanging indent, losing no word', () => {
    const lines = wrapText('No A100 or RTX 4090 figure for prompt processing of 512 tokens with Llama 3.2 1B Q4_0', 40, 2);
    expect(lines.every((l) => textWidth(l) <= 40)).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith('  '))).toBe(true);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe('No A100 or RTX 4090 figure for prompt processing of 512 tokens with Llama 3.2 1B Q4_0');
  });

  it('keeps lines as they are when wide', () => {
    const long = 'x '.repeat(100).trim();
    expect(fitLines([long], { isWide: true })).toBe(`${long}\n`);
    expect(Math.max(...widths(fitLines([long])))).toBeLessThanOrEqual(DEFAULT_TABLE_WIDTH);
  });
});

describe('fitTable', () => {
  const columns: FitColumn[] = [
    { header: 'workload', shrinkRank: 1, minWidth: 10 },
    { header: 'value', isNumeric: true },
    { header: 'settings', shrinkRank: 2, minWidth: 10 },
    { header: 'source', shrinkRank: 3, minWidth: 10 },
  ];
  const rows = [
    ['Text generation · 512 tokens', '140.6', 'tg512 · CUDA · Q4_K_M · llama-bench', 'GPU-Benchmarks-on-LLM-Inference README (LLaMA 3 llama.cpp results)'],
    ['Prompt processing · 512 tokens', '5981', 'pp512 · CUDA · Q4_K_M · llama-bench', 'llama.cpp discussion #15013 scoreboard'],
  ];

  it('prints the natural table when it fits, numbers right-aligned', () => {
    const text = fitTable(columns, rows, { width: 200 });
    expect(text).toContain('GPU-Benchmarks-on-LLM-Inference README (LLaMA 3 llama.cpp results)');
    expect(text.split('\n')[2]).toMatch(/^Prompt processing · 512 tokens {3}5981 {2}pp512/);
  });

  it('fits the width by shrinking the highest-ranked column first, never the numbers', () => {
    const text = fitTable(columns, rows, { width: 90 });
    expect(Math.max(...widths(text))).toBeLessThanOrEqual(90);
    expect(text).toContain('Text generation · 512 tokens');
    expect(text).toContain('tg512 · CUDA · Q4_K_M · llama-bench');
    expect(text).toContain('140.6');
    expect(text).toContain('GPU-Benchmark…');
  });

  it('shrinks the next rank once the first is at its minimum', () => {
    const text = fitTable(columns, rows, { width: 70 });
    expect(Math.max(...widths(text))).toBeLessThanOrEqual(70);
    expect(text).toContain('Prompt processing · 512 tokens');
    expect(text).toMatch(/pp512 · CUDA[^\n]*…/);
  });

  it('prints every cell uncut with isWide', () => {
    const text = fitTable(columns, rows, { width: 40, isWide: true });
    expect(text).toContain('GPU-Benchmarks-on-LLM-Inference README (LLaMA 3 llama.cpp results)');
    expect(Math.max(...widths(text))).toBeGreaterThan(40);
  });

  it('leaves a droppable column out when there is no room, and shows it when there is', () => {
    const withNotes: FitColumn[] = [{ header: 'card' }, { header: 'notes', shrinkRank: 5, minWidth: 0 }];
    const notes = [['A100', 'backend cuda vs yours cpu; your weights are synthetic (same shapes)']];
    expect(fitTable(withNotes, notes, { width: 15 })).toBe('card\nA100\n');
    expect(fitTable(withNotes, notes, { width: 30 })).toBe('card  notes\nA100  backend cuda vs yours…\n');
    expect(fitTable(withNotes, notes, { width: 200 })).toContain('your weights are synthetic');
  });

  it('cuts full-width lines too, and adds the cut note only when something was cut', () => {
    const grouped = [{ line: `Llama 3 8B Q4_K_M — source: ${'a long source title '.repeat(5)}` }, ...rows];
    const cut = fitTable(columns, grouped, { width: 80, cutNote: 'cut: --wide' });
    expect(Math.max(...widths(cut))).toBeLessThanOrEqual(80);
    expect(cut.trimEnd().endsWith('cut: --wide')).toBe(true);
    expect(fitTable(columns, rows, { width: 300, cutNote: 'cut: --wide' })).not.toContain('cut: --wide');
  });

  it('prints no header over a table of headings and notes only', () => {
    expect(fitTable(columns, [{ line: 'Memory copy bandwidth' }, { line: 'no published figure', indent: 2 }])).toBe('Memory copy bandwidth\n  no published figure\n');
  });

  it('is what formatTable prints, uncut', () => {
    expect(formatTable(['a', 'bb'], [['xxx', null], ['y', 2]])).toBe('a    bb\nxxx  –\ny    2\n');
  });
});

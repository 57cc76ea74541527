import { describe, expect, it } from 'vitest';
import { loadReference } from '../reference/load-reference';
import { compareCards } from './compare-cards';
import {
  CARD_COMPARISON_COLUMNS,
  comparisonToCsv,
  comparisonToMarkdown,
  RUN_COMPARISON_COLUMNS,
  toCsv,
} from './export';
import { compareRunToCards } from './run-comparison';
import { makeLocal } from './test-fixtures';

const dataset = loadReference();

describe('comparison exports', () => {
  const cards = compareCards('a100', 'rtx-4090', dataset);
  const run = compareRunToCards([makeLocal({ median: 150 })], ['rtx-3090', 'rtx-4090'], dataset);

  it('writes CSV and Markdown from the same column list', () => {
    const csv = comparisonToCsv(cards).trimEnd().split('\n');
    const md = comparisonToMarkdown(cards);
    const headers = CARD_COMPARISON_COLUMNS.map((c) => c.header);
    expect(csv[0]).toBe(headers.join(','));
    expect(md).toContain(`| ${headers.join(' | ')} |`);
    expect(csv).toHaveLength(cards.rows.length + 1);
  });

  it('keeps raw numbers in CSV and formatted deltas in Markdown', () => {
    const csv = comparisonToCsv(cards);
    const md = comparisonToMarkdown(cards);
    expect(csv).toMatch(/^trooper_image_sd35_large,image\.generate,image,sd3\.5-large,s\/image,false,15,58,3\.866666/m);
    expect(md).toContain('+286.7 %');
    expect(md).toContain('−18.0 %');
    expect(md).toContain('https://james19.trooper.ai/benchmarks-compare-A100-with-RTX-4090');
  });

  it('writes one run line per benchmark and card, with the score in the Markdown heading', () => {
    const csv = comparisonToCsv(run).trimEnd().split('\n');
    expect(csv[0]).toBe(RUN_COMPARISON_COLUMNS.map((c) => c.header).join(','));
    expect(csv).toHaveLength(3);
    expect(comparisonToMarkdown(run)).toMatch(/Rigmark Score: \d+\.\d \(1 benchmarks\)/);
  });

  it('quotes CSV fields with commas, quotes or newlines', () => {
    const rows = [{ a: 'x, "y"\nz', b: null }];
    const csv = toCsv(rows, [
      { header: 'a', value: (r: (typeof rows)[number]) => r.a },
      { header: 'b', value: (r: (typeof rows)[number]) => r.b },
    ]);
    expect(csv).toBe('a,b\n"x, ""y""\nz",\n');
  });
});

import { describe, expect, it } from 'vitest';
import { a100Vs4090, comparisonWithMatches } from '../test/compare-fixtures';
import { cardComparisonCsv, cardComparisonMarkdown, runComparisonCsv, runComparisonMarkdown } from './compare-export';

describe('comparison exports', () => {
  it('writes CSV and Markdown from one column list: same headers, one line per benchmark and card', () => {
    const csv = runComparisonCsv(comparisonWithMatches).content.trimEnd().split('\n');
    const md = runComparisonMarkdown(comparisonWithMatches).content.split('\n').filter((l) => l.startsWith('|'));
    const headers = 'benchmark,category,unit,higher_is_better,yours,status,card,reference,match,ratio,delta_pct,reason,labels,source_title,source_url,record_id';
    expect(csv[0]).toBe(headers);
    expect(md[0]).toBe(`| ${headers.split(',').join(' | ')} |`);
    // 3 benchmarks × 3 cards, plus the header (and Markdown's separator line).
    expect(csv).toHaveLength(10);
    expect(md).toHaveLength(11);
    // Quoted because the labels contain a comma (RFC 4180).
    expect(csv[2]).toBe(
      'llamacpp.tg128,llm,tokens/s,true,120.5,passed,rtx-4090,186.21,close,0.6471,-35.29,,' +
        '"backend cuda vs yours vulkan; transcribed from a compilation, not yet checked; your weights are synthetic (same shapes)",' +
        "llama.cpp discussion #15013 'Performance of llama.cpp on NVIDIA CUDA' (scoreboard),https://github.com/ggml-org/llama.cpp/discussions/15013," +
        'rtx-4090/llamacpp_llama2_7b_q4_0_tg128_fa0/ac1abfb2',
    );
    expect(md[3]).toContain('| rtx-4090 | 186.21 | close | 0.647 | \u221235.3 % |');
  });

  it('puts the score with its formula above the Markdown table, and its reason when there is none', () => {
    const md = runComparisonMarkdown(comparisonWithMatches).content;
    expect(md).toContain('Rigmark Score: 76.2 (1 benchmark). Rigmark Score = 100 × geometric mean');
    expect(runComparisonMarkdown(comparisonWithMatches).fileName).toBe('rigmark-compare-run-7.md');
  });

  it('exports a card-vs-card comparison with the pairing rule', () => {
    const csv = cardComparisonCsv(a100Vs4090).content.split('\n');
    expect(csv[0]).toContain('benchmark,rigmark_benchmark,category,model,unit,higher_is_better,ref,vs,ratio,delta_pct');
    expect(csv[3]).toContain('trooper_image_sd35_large,,,sd3.5-large,s/image,false,15,58');
    const md = cardComparisonMarkdown(a100Vs4090).content;
    expect(md.startsWith('## NVIDIA A100 vs NVIDIA GeForce RTX 4090\n\nfigures pair when')).toBe(true);
    expect(md).toContain('| +286.7 % |');
  });
});

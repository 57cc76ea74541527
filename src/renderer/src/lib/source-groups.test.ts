import { describe, expect, it } from 'vitest';
import { groupBySource, isSaidBySummary, splitSharedText } from './source-groups';

const DAI = "llama.cpp llama-bench (README: ./llama-bench -p 512,1024 -n 512,1024 -m ./models/8B-v3/ggml-model-Q4_K_M.gguf); NVIDIA build 'LLAMA_CUBLAS=1 make'; backend CUDA; single GPU";

describe('groupBySource', () => {
  it('keeps groups in first-seen order and rows in their order inside each group', () => {
    const groups = groupBySource(['a1', 'b1', 'a2', 'c1', 'b2'], (s) => s.charAt(0));
    expect(groups).toEqual([
      { key: 'a', rows: ['a1', 'a2'] },
      { key: 'b', rows: ['b1', 'b2'] },
      { key: 'c', rows: ['c1'] },
    ]);
  });
});

describe('splitSharedText', () => {
  it('gives the whole text as shared when every row of the source says the same', () => {
    expect(splitSharedText(['ComfyUI, default workflow', 'ComfyUI, default workflow'])).toEqual({ shared: 'ComfyUI, default workflow', own: ['', ''] });
    expect(splitSharedText(['only one'])).toEqual({ shared: 'only one', own: [''] });
    expect(splitSharedText([])).toEqual({ shared: '', own: [] });
  });

  it('cuts the llama-bench README settings before the clause that names each row’s test', () => {
    expect(splitSharedText([`${DAI}; test tg512`, `${DAI}; test tg1024`, `${DAI}; test pp512`])).toEqual({
      shared: DAI,
      own: ['test tg512', 'test tg1024', 'test pp512'],
    });
  });

  it('keeps a note that is a whole sentence shorter than the others as the shared part', () => {
    const note = 'Average speed in tokens/s as published (llama-bench mean).';
    expect(splitSharedText([note, `${note} Published pp values for this row are anomalously low vs. other GPUs; kept as published.`])).toEqual({
      shared: note,
      own: ['', 'Published pp values for this row are anomalously low vs. other GPUs; kept as published.'],
    });
  });

  it('never cuts inside a word: texts that differ mid-clause share only the clauses before it', () => {
    expect(splitSharedText(['backend CUDA; host Ryzen 9 7900X', 'backend CUDA; host Intel 13900K'])).toEqual({
      shared: 'backend CUDA',
      own: ['host Ryzen 9 7900X', 'host Intel 13900K'],
    });
    expect(splitSharedText(['single stream', 'simple batch'])).toEqual({ shared: '', own: ['single stream', 'simple batch'] });
  });
});

describe('isSaidBySummary', () => {
  it('treats "test tg512" as said by "tg512 · CUDA · Q4_K_M", but not words the summary lacks', () => {
    expect(isSaidBySummary('test tg512', 'tg512 · 1 request at a time · CUDA · Q4_K_M · llama-bench')).toBe(true);
    expect(isSaidBySummary('test tg1024', 'tg512 · CUDA')).toBe(false);
    expect(isSaidBySummary('single stream', '1 request at a time')).toBe(false);
    expect(isSaidBySummary('', 'tg512')).toBe(false);
  });
});

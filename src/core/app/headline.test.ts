import { describe, expect, it } from 'vitest';
import type { BenchmarkDefinition } from '../bench/definition';
import { definitions as llamaDefinitions } from '../bench/families/llamacpp/definitions';
import { headlineCandidates } from './headline';

/** The llama.cpp definitions with the quick suite running `quick` and the full one adding `full`. */
function withSuites(quick: string, full: string): BenchmarkDefinition[] {
  return llamaDefinitions.map((d) => ({
    ...d,
    suiteVariants: (suite) => [
      { label: quick, params: { model: quick } },
      ...(suite === 'full' ? [{ label: full, params: { model: full } }] : []),
    ],
  }));
}

describe('headlineCandidates', () => {
  it('tells the user to run the quick suite when it runs the model, else how to choose the model', () => {
    const candidates = headlineCandidates(withSuites('synthetic:llama-3-8b-q4_k_m', 'synthetic:llama-2-7b-q4_0'));
    const byModel = new Map(candidates.map((c) => [c.model, c]));
    expect(byModel.get('synthetic:llama-3-8b-q4_k_m')).toMatchObject({
      label: 'synthetic Llama 3 8B Q4_K_M',
      modelKey: 'llama-3-8b',
      quant: 'Q4_K_M',
      action: 'run the quick suite',
      isInQuickSuite: true,
    });
    // Said as the Run page offers the model; the CLI's spelling only in brackets.
    expect(byModel.get('synthetic:llama-2-7b-q4_0')?.action).toBe('run the full suite, or choose synthetic Llama 2 7B Q4_0 as the model on the Run page');
    expect(byModel.get('synthetic:llama-3-8b-f16')?.action).toBe(
      'choose synthetic Llama 3 8B F16 as the model on the Run page (command line: --model synthetic:llama-3-8b-f16)',
    );
  });

  it('gives each synthetic shape the model key its results carry', () => {
    const keys = headlineCandidates(withSuites('synthetic:tiny', 'synthetic:tiny')).map((c) => c.modelKey);
    expect(keys).toEqual(['tiny', 'llama-3.2-1b', 'llama-2-7b', 'llama-3-8b', 'llama-3-8b']);
  });
});

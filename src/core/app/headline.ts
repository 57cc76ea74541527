import type { Suite } from '../../shared/domain/benchmark';
import type { Headline } from '../../shared/domain/headline';
import type { ReferenceDataset } from '../../shared/domain/reference';
import type { RunDetail } from '../../shared/domain/results';
import type { BenchmarkDefinition } from '../bench/definition';
import { runHeadline, type CandidateBenchmark, type ModelCandidate } from '../compare';
import { listSyntheticManifests } from '../models/synthetic/manifests';
import { DEFAULT_CARDS, toLocalResults } from './comparisons';

const LLAMA_FAMILY = 'llamacpp';
const SYNTHETIC_PREFIX = 'synthetic:';

/**
 * The model key a synthetic shape's results carry: the manifest name without its quantisation (`llama-3-8b-q4_k_m`
 * → `llama-3-8b`, `tiny`), the rule `modelKeyOf` in bench/families/llamacpp/model-info.ts applies to the file.
 */
function syntheticModelKey(manifestName: string): string {
  return manifestName.replace(/-(q\d\w*|i?q\d\w*|f16|bf16|f32)$/i, '');
}

function suiteModels(definitions: readonly BenchmarkDefinition[], suite: Suite): Set<string> {
  const models = new Set<string>();
  for (const d of definitions) {
    if (d.family !== LLAMA_FAMILY) continue;
    for (const variant of d.suiteVariants?.(suite) ?? []) {
      if (typeof variant.params['model'] === 'string') models.add(variant.params['model']);
    }
  }
  return models;
}

/** The synthetic shapes as headline candidates, each with what to do to measure it with these definitions. */
export function headlineCandidates(definitions: readonly BenchmarkDefinition[]): ModelCandidate[] {
  const quick = suiteModels(definitions, 'quick');
  const full = suiteModels(definitions, 'full');
  return listSyntheticManifests().map((manifest) => {
    const model = `${SYNTHETIC_PREFIX}${manifest.name}`;
    const isInQuickSuite = quick.has(model);
    // Said as a person chooses it on the Run page; the CLI's spelling comes last, in brackets.
    const name = `synthetic ${manifest.displayName}`;
    const action = isInQuickSuite
      ? 'run the quick suite'
      : full.has(model)
        ? `run the full suite, or choose ${name} as the model on the Run page`
        : `choose ${name} as the model on the Run page (command line: --model ${model})`;
    return {
      model,
      label: `synthetic ${manifest.displayName}`,
      modelKey: syntheticModelKey(manifest.name),
      quant: manifest.quantization,
      action,
      isInQuickSuite,
    };
  });
}

function candidateBenchmarks(definitions: readonly BenchmarkDefinition[]): CandidateBenchmark[] {
  return definitions
    .filter((d) => d.family === LLAMA_FAMILY)
    .map((d) => ({ id: d.id, category: d.category, unit: d.unit, higherIsBetter: d.higherIsBetter }));
}

/** A run's headline against the default cards (A100, RTX 4090), over the dataset comparisons use. */
export function headlineOf(detail: RunDetail, dataset: ReferenceDataset, definitions: readonly BenchmarkDefinition[]): Headline {
  return runHeadline(toLocalResults(detail), dataset, {
    runId: detail.run.id,
    cardKeys: DEFAULT_CARDS,
    candidates: headlineCandidates(definitions),
    candidateBenchmarks: candidateBenchmarks(definitions),
  });
}

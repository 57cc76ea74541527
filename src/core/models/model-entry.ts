import type { ModelInfoSummary } from '../../shared/domain/models';
import type { GgufInfo } from './gguf/reader';

export {
  ModelEntrySchema,
  ModelInfoSchema,
  ModelInfoSummarySchema,
  ModelSourceSchema,
  type ModelEntry,
  type ModelInfo,
  type ModelInfoSummary,
  type ModelSource,
} from '../../shared/domain/models';

/** Picks the summary fields out of a full header read. */
export function summariseGgufInfo(info: GgufInfo): ModelInfoSummary {
  return {
    architecture: info.architecture,
    name: info.name,
    quantization: info.quantization,
    parameterCount: info.parameterCount,
    contextLength: info.contextLength,
    embeddingLength: info.embeddingLength,
    blockCount: info.blockCount,
    vocabSize: info.vocabSize,
    tensorCount: info.tensors.length,
    isSynthetic: info.isSynthetic,
  };
}

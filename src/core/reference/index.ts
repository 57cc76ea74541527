/** Public API of the bundled reference dataset (see README.md in this folder). */
export {
  CARDS_FILE,
  FIGURES_FILE,
  ReferenceDataError,
  clearReferenceCache,
  defaultReferenceDir,
  loadReference,
  parseReference,
  type LoadReferenceOptions,
} from './load-reference';
export { createReferenceLibrary, type ReferenceLibrary, type ReferenceLibraryOptions } from './reference-library';
export { parseUserReference, type ParsedUserFile } from './user-file';
export { cardDisplayName, cardSpecs, figuresForGpu, getCard, listCards, matchGpuName } from './cards';
export { SPEC_PICK_RULE } from './card-specs';
export { normaliseVariant, parseGpuName } from './gpu-name';
export { modelShapeOf, normaliseModelKey, normaliseQuant } from './model-key';

import type { Suite } from '../../../../shared/domain/benchmark';
import { getSyntheticManifest } from '../../../models/synthetic/manifests';
import type { AvailabilityContext, SuiteVariant } from '../../definition';
import { syntheticModelBytes } from './availability';
import { chooseBackend } from './backend';
import { formatGiB, mibToBytes, planMemory } from './memory-plan';

/**
 * Models each suite runs when the user names none (docs/METHOD.md "Suites"), chosen for comparability: the bundled
 * figures cover Llama 3 8B Q4_K_M best for the reference cards (A100, RTX 4090, RTX 3090, H100 and more), so the
 * quick suite runs it; the full suite adds Llama 2 7B Q4_0 (llama.cpp's CUDA scoreboard) and the F16 shape.
 */
const QUICK_MODEL = 'llama-3-8b-q4_k_m';
const FULL_MODELS = ['llama-3-8b-q4_k_m', 'llama-2-7b-q4_0', 'llama-3-8b-f16'] as const;

/**
 * Where the quick suite's model does not fit, the next comparable shape that does, largest first. The 1B shape has
 * no published figures: it is the last resort so a small machine still measures something.
 */
const QUICK_FALLBACKS = ['llama-3-8b-q4_k_m', 'llama-2-7b-q4_0', 'llama-3.2-1b-q4_0'] as const;

const modelParam = (name: string): string => `synthetic:${name}`;
const labelOf = (name: string): string => `synthetic ${getSyntheticManifest(name).displayName}`;

/** Whether a shape runs whole where it will run: every layer in VRAM on a GPU backend, in RAM on the CPU. */
function fits(name: string, ctx: AvailabilityContext): { fits: boolean; room: string } {
  const choice = chooseBackend(ctx.snapshot);
  const vramMiB = choice.gpu?.vramMiB ?? null;
  const plan = planMemory({
    modelBytes: syntheticModelBytes(name),
    totalRamBytes: mibToBytes(ctx.snapshot.memory.totalMiB),
    backend: choice.backend,
    vramBytes: vramMiB ? mibToBytes(vramMiB) : null,
  });
  const room = choice.backend === 'cpu' || vramMiB === null ? `${formatGiB(mibToBytes(ctx.snapshot.memory.totalMiB))} RAM` : `${formatGiB(mibToBytes(vramMiB))} VRAM`;
  return { fits: plan.fitsRam && plan.offload !== 'partial', room };
}

/** The quick suite's shape for this machine, and a label that says when it had to be a smaller one. */
function quickVariant(ctx: AvailabilityContext | undefined): SuiteVariant {
  if (!ctx) return { label: labelOf(QUICK_MODEL), params: { model: modelParam(QUICK_MODEL) } };
  const chosen = QUICK_FALLBACKS.find((name) => fits(name, ctx).fits);
  if (!chosen || chosen === QUICK_MODEL) return { label: labelOf(QUICK_MODEL), params: { model: modelParam(QUICK_MODEL) } };
  const { room } = fits(QUICK_MODEL, ctx);
  const wanted = getSyntheticManifest(QUICK_MODEL).displayName;
  return {
    label: `${labelOf(chosen)} (${wanted} does not fit ${room}; this is the largest comparable shape that does)`,
    params: { model: modelParam(chosen) },
  };
}

/**
 * The instances of a suite. With a context (planning a run on this machine) the quick suite picks the largest
 * comparable shape that fits; without one (what a suite runs in principle, e.g. for the headline's advice) it is
 * the preferred shape. The full suite plans every shape; one too large for RAM is shown `unavailable` with why.
 */
export function llamaSuiteVariants(suite: Suite, ctx?: AvailabilityContext): SuiteVariant[] {
  if (suite === 'full') return FULL_MODELS.map((name) => ({ label: labelOf(name), params: { model: modelParam(name) } }));
  return [quickVariant(ctx)];
}

import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Stand-ins for tools that cannot exist on dev/CI machines (no GPU there). Each prints its real tool's exact output
 * format; put its folder first on PATH so code under test runs it as it would run the real tool.
 */

const here = dirname(fileURLToPath(import.meta.url));

/** Folder holding the stand-in `nvidia-smi` (an RTX 4090 with driver 550.54.14, CUDA 12.4). */
export const standInNvidiaSmiDir = join(here, 'nvidia-smi');

/** Folder holding the stand-in `rocm-smi` (one Radeon RX 7900 XTX, ROCm 6.1 `--json` output). */
export const standInRocmSmiDir = join(here, 'rocm-smi');

/** Behaviours of the stand-in nvidia-smi besides the default healthy RTX 4090 (see stand-in-nvidia-smi.cjs). */
export type NvidiaSmiScenario = 'default' | 'busy' | 'driver-failure' | 'legacy-driver';

/**
 * An environment whose PATH starts with the given stand-in folders, for the `env` option of tool runners and
 * samplers. The stand-ins run on the same Node as the test.
 */
export function envWithStandIns(
  dirs: readonly string[],
  opts: { scenario?: NvidiaSmiScenario; base?: NodeJS.ProcessEnv } = {},
): NodeJS.ProcessEnv {
  const base = opts.base ?? process.env;
  return {
    ...base,
    PATH: [...dirs, base['PATH'] ?? ''].join(delimiter),
    RIGMARK_STAND_IN_NODE: process.execPath,
    RIGMARK_STAND_IN_SCENARIO: opts.scenario ?? 'default',
  };
}

/**
 * What makes a `gpu` benchmark available, in the words both sides say it: the parent at plan time (from the
 * detection's adapter probe) and the worker at run time. No imports, so the parent loads nothing of Dawn's.
 */

export const NO_ADAPTER_HOW_TO = 'install a Vulkan/Metal/D3D12 driver for your GPU';

export const F16_HOW_TO =
  'use a GPU and driver with 16-bit float shaders (Vulkan: shaderFloat16 and 16-bit storage; Metal and D3D12 on recent GPUs)';

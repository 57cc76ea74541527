import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Workers, llama.cpp and disk benchmarks are real processes on a 2-core machine: be generous, never flaky.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    env: {
      // Dawn finds SwiftShader's software Vulkan adapter through this ICD (Debian chromium ships it).
      VK_ICD_FILENAMES: '/usr/lib/chromium/vk_swiftshader_icd.json',
    },
  },
});

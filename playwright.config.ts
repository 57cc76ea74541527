import { defineConfig } from '@playwright/test';

/**
 * E2E runs the real UI (out/renderer, built beforehand by `npx electron-vite build`) in Debian's Chromium against
 * the real core and web server, started in-process by e2e/fixtures.ts. Electron itself cannot run here (DESIGN.md).
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'e2e/artifacts/test-results',
  // One worker: benchmarks measure this 2-core machine, and a second browser would skew them.
  workers: 1,
  fullyParallel: false,
  timeout: 240_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      // Never `playwright install` (it downloads from outside the registry): use the system Chromium.
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    },
    viewport: { width: 1280, height: 860 },
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});

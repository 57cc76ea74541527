import { expect, openApp, test } from './fixtures';

test('This machine shows the CPU and says no GPU was detected, in a sentence with the tools\' reason behind Details', async ({ page, rig }) => {
  await openApp(page, rig, '/machine');
  await expect(page.getByRole('heading', { name: 'This machine', level: 1 })).toBeVisible();
  const system = await rig.core.getSystem();
  await expect(page.getByText(system.cpu.model, { exact: false }).first()).toBeVisible();
  await expect(page.getByText('No GPU detected')).toBeVisible();
  const gpu = page.getByRole('region', { name: 'GPU' });
  await expect(gpu.getByText(/so Rigmark measures the CPU\.$/)).toBeVisible();
  if (system.gpuReason !== null) {
    const raw = gpu.getByText(system.gpuReason);
    await expect(raw).toBeHidden();
    await gpu.getByText('Details').click();
    await expect(raw).toBeVisible();
  }
  await expect(page.getByRole('button', { name: 'Run quick benchmark' })).toBeEnabled();
  // The token was moved out of the address bar into sessionStorage.
  expect(page.url()).not.toContain('token=');
});

test('the sidebar is keyboard reachable and marks the current page', async ({ page, rig }) => {
  await openApp(page, rig, '/machine');
  const results = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Results' });
  await results.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Results', level: 1 })).toBeFocused();
  await expect(results).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('No runs yet')).toBeVisible();
});

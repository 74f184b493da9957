import { expect, test } from './fixtures';

/** The language switch in the top bar: English everywhere, remembered, down to the login page. */
test('switching to English shows the dashboard in English and keeps it', async ({ page, signedIn, shot }) => {
  await signedIn(page);
  await expect(page.getByRole('heading', { name: 'Resumen', level: 1 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');

  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link')).toHaveText(['Overview', 'Leads', 'Pipeline', 'Conversations', 'Notifications', 'Settings', 'Audit log']);
  await expect(page.getByRole('region', { name: 'Key figures' }).getByText('New leads')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await shot(page, 'overview-en');

  await nav.getByRole('link', { name: 'Pipeline' }).click();
  for (const stage of ['New', 'Profiling', 'Financial qualification', 'Potential', 'Scheduled', 'Won', 'Lost']) {
    await expect(page.getByRole('region', { name: stage, exact: true })).toBeVisible();
  }
  await expect(page.getByText('Hot').first()).toBeVisible();
  await shot(page, 'pipeline-en');

  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Scoring' }).click();
  await expect(page.getByRole('img', { name: /^Score \d+ out of 100$/ })).toBeVisible();
  await shot(page, 'settings-scoring-en');

  // remembered after a reload, and on the login page after signing out
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Password')).toBeVisible();
});

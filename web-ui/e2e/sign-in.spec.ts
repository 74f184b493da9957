import { expect, test } from './fixtures';

test('a wrong password is refused in Spanish and the right one opens the dashboard', async ({ page, broker, shot }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Iniciar sesión' })).toBeVisible();
  await shot(page, 'login');

  await page.getByLabel('Correo electrónico').fill(broker.email);
  await page.getByLabel('Contraseña').fill('no-es-la-clave');
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await expect(page.getByRole('alert')).toHaveText('Correo o contraseña incorrectos.');
  await shot(page, 'login-error');

  await page.getByLabel('Contraseña').fill(broker.password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
  await expect(page.getByText(broker.adminName).first()).toBeVisible();
  // an ADMIN sees the whole navigation
  const nav = page.getByRole('navigation').first();
  for (const entry of ['Resumen', 'Leads', 'Conversaciones']) {
    await expect(nav.getByRole('link', { name: entry })).toBeVisible();
  }

  await page.getByRole('button', { name: 'Cerrar sesión' }).click();
  await expect(page).toHaveURL(/\/login/);
});

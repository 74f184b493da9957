import { expect, test } from './fixtures';

/** An AGENT of the demo brokerage: the dashboard without what only admins may see or do. */
test('an AGENT signs in and sees no admin-only navigation, actions or settings', async ({ page, broker, signIn, shot }) => {
  const agent = broker.agents[0]!;
  await signIn(page, agent.email);
  await expect(page.getByRole('group', { name: `Cuenta de ${agent.name}` })).toContainText('Agente');

  const nav = page.getByRole('navigation', { name: 'Navegación principal' });
  for (const entry of ['Resumen', 'Leads', 'Pipeline', 'Conversaciones', 'Notificaciones', 'Configuración']) {
    await expect(nav.getByRole('link', { name: entry })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Auditoría' })).toHaveCount(0);

  // leads: own and unassigned ones, no import or export
  await nav.getByRole('link', { name: 'Leads' }).click();
  await expect(page.getByText('Tus leads y los que aún no tienen a nadie asignado.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Lista de leads' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nuevo lead' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importar CSV' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Exportar CSV' })).toHaveCount(0);
  await shot(page, 'agent-leads');

  // settings: the assistant, scoring and brokerage, read only
  await nav.getByRole('link', { name: 'Configuración' }).click();
  const menu = page.getByRole('navigation', { name: 'Secciones de configuración' });
  await expect(menu.getByRole('link')).toHaveText(['Asistente', 'Puntaje', 'Corredora']);
  await expect(page.getByText('Solo lectura: un administrador de la corredora puede cambiar esta configuración.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Guardar cambios' })).toHaveCount(0);
  await shot(page, 'agent-settings');

  // and typed addresses do not open admin pages
  await page.goto('/audit');
  await expect(page.getByRole('heading', { name: 'Sin acceso' })).toBeVisible();
  await page.goto('/settings/users');
  await expect(page.getByRole('heading', { name: 'Sin acceso' })).toBeVisible();
});

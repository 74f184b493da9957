import { expect, test } from './fixtures';

test('the overview shows the brokerage KPIs, funnel and weekly intake with the seeded leads', async ({ page, signIn, broker, shot }) => {
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Resumen', level: 1 })).toBeVisible();
  const kpis = page.getByRole('region', { name: 'Indicadores clave' });
  await expect(kpis).toBeVisible();
  await expect(kpis.getByText('Leads nuevos')).toBeVisible();
  await expect(kpis.getByText(String(broker.leads.length), { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Embudo por etapa' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Leads nuevos por semana' })).toBeVisible();
  await shot(page, 'overview');
});

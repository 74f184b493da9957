import { expect, test } from './fixtures';

test('the overview shows the demo brokerage KPIs, funnel, hot leads and weekly intake', async ({ page, signedIn, broker, shot }) => {
  await signedIn(page);
  await expect(page.getByRole('heading', { name: 'Resumen', level: 1 })).toBeVisible();
  await expect(page.getByText(broker.name).first()).toBeVisible();
  const kpis = page.getByRole('region', { name: 'Indicadores clave' });
  await expect(kpis.getByText('Leads nuevos')).toBeVisible();
  // ~100 demo leads, all of this week: the KPI is a number, not a dash
  const newLeads = kpis.getByRole('definition').first();
  await expect(newLeads).toHaveText(/^\d{2,3}$/);
  const funnel = page.getByRole('list', { name: 'Embudo: leads que llegaron a cada etapa' });
  await expect(funnel.getByRole('listitem')).not.toHaveCount(0);
  const hot = page.getByRole('region', { name: 'Leads calientes' });
  await expect(hot.getByRole('listitem').first()).toBeVisible();
  await expect(hot.getByRole('link', { name: 'Ver todos los leads calientes' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Leads nuevos por semana' })).toBeVisible();
  await shot(page, 'overview');
});

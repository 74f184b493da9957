import { expect, test } from './fixtures';

/**
 * Leads (issue item 3) — being built now; un-fixme when the page lands.
 * Selectors it needs from the Leads page:
 *   - a "Nuevo lead" button opening a form (a dialog named "Nuevo lead") with labelled fields
 *     "Nombre", "Teléfono", "Comuna" and a "Guardar" button; the new lead then shows in the table
 *     (role=table, a row with the lead's name);
 *   - an "Importar CSV" button opening a dialog with a file input labelled "Archivo CSV" and an
 *     "Importar" button, then a per-line result list (role=table or list, one row per CSV line with
 *     "Creado"/"Duplicado"/error text).
 */
test.fixme('create a lead by hand and import more from a CSV', async ({ page, signIn, shot }) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Leads' }).click();
  await page.getByRole('button', { name: 'Nuevo lead' }).click();
  const form = page.getByRole('dialog', { name: 'Nuevo lead' });
  await form.getByLabel('Nombre').fill('Ignacio Fuentes');
  await form.getByLabel('Teléfono').fill('9 3567 8901');
  await form.getByLabel('Comuna').fill('San Miguel');
  await form.getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('row', { name: /Ignacio Fuentes/ })).toBeVisible();

  await page.getByRole('button', { name: 'Importar CSV' }).click();
  const dialog = page.getByRole('dialog', { name: /Importar/ });
  await dialog.getByLabel('Archivo CSV').setInputFiles({
    name: 'leads.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('nombre,telefono,comuna\nPaula Reyes,9 2678 9012,Macul\nTomás Vidal,9 1789 0123,Estación Central\n'),
  });
  await dialog.getByRole('button', { name: 'Importar' }).click();
  await expect(dialog.getByText('Paula Reyes')).toBeVisible();
  await shot(page, 'leads-import');
});

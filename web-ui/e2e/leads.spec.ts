import { expect, test } from './fixtures';

test('create a lead through the dialog, then import a CSV with one bad line and read the per-line result', async ({ page, signedIn, shot }) => {
  // unique per run, so that the spec also passes against a server it already ran on
  const run = Date.now().toString(36).slice(-4);
  const digits = String(Date.now() % 10_000).padStart(4, '0');
  const name = `Ignacio Fuentes ${run}`;
  await signedIn(page);
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Leads' }).click();
  await expect(page.getByRole('heading', { name: 'Leads', level: 1 })).toBeVisible();
  // the demo book: a full first page of leads
  await expect(page.getByRole('region', { name: 'Lista de leads' }).getByRole('row')).not.toHaveCount(0);

  await page.getByRole('button', { name: 'Nuevo lead' }).click();
  const form = page.getByRole('dialog', { name: 'Nuevo lead' });
  await expect(form.getByLabel('Nombre')).toBeFocused();
  await form.getByLabel('Nombre').fill(name);
  await form.getByLabel('Comuna').fill('San Miguel');
  await form.getByLabel('Presupuesto', { exact: true }).fill('3.200');
  await form.getByLabel('Asignar a').selectOption({ label: 'Fernanda Muñoz' });
  await shot(page, 'leads-create-dialog', { fullPage: false });
  await form.getByRole('button', { name: 'Crear lead' }).click();

  // it opens the new lead's page
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByText('San Miguel').first()).toBeVisible();
  await page.getByRole('link', { name: 'Volver a los leads' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toBeVisible();

  await page.getByRole('button', { name: 'Importar CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importar leads desde CSV' });
  await dialog.getByLabel('Archivo CSV').setInputFiles({
    name: 'leads.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Nombre,Teléfono,Correo,Comuna\n' +
        `Paula Reyes ${run},+56 9 2678 ${digits},,Macul\n` +
        ',,,Sin contacto\n' +
        `Tomás Vidal ${run},,tomas.${run}@correo.cl,Estación Central\n`,
      'utf8',
    ),
  });
  await dialog.getByRole('button', { name: 'Importar' }).click();
  await expect(dialog.getByRole('heading', { name: 'Resultado de la importación' })).toBeVisible();
  await expect(page.getByText('Importación terminada: 2 creados, 0 actualizados, 1 rechazado.')).toBeVisible();
  const counts = dialog.getByRole('list', { name: 'Resumen' });
  await expect(counts).toContainText('2 creados');
  await expect(counts).toContainText('1 rechazado');
  // rejected lines first: the bad one, with the server's reason in Spanish
  const lines = dialog.getByRole('table', { name: 'Resultado por línea' });
  await expect(lines.getByRole('row')).toHaveCount(2);
  await expect(lines.getByRole('row').nth(1)).toContainText('Rechazado');
  await dialog.getByLabel('Mostrar solo las líneas rechazadas').uncheck();
  await expect(lines.getByRole('row')).toHaveCount(4);
  await expect(lines.getByRole('row', { name: /^3/ })).toContainText('Rechazado');
  await expect(lines.getByRole('link', { name: 'Ver el lead de la línea 2' })).toBeVisible();
  await shot(page, 'leads-import-result', { fullPage: false });

  await dialog.getByRole('button', { name: 'Cerrar' }).click();
  await page.getByRole('searchbox', { name: 'Buscar' }).fill(run);
  await expect(page.getByRole('row', { name: new RegExp(`Paula Reyes ${run}`) })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`Tomás Vidal ${run}`) })).toBeVisible();
});

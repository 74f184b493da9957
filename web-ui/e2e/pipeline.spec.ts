import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The pipeline board: a lead moved with the keyboard handle (Space, arrow, Space) and one dragged
 * with the pointer stay where they were dropped after a reload; dropping on «Perdido» first asks
 * for the close reason. The three leads are the suite's own (global-setup.ts), in «Perfilamiento».
 */

const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true });
const handle = (scope: Page | Locator, name: string) => scope.getByRole('button', { name: `Mover a ${name}`, exact: true });

async function openBoard(page: Page) {
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Pipeline' }).click();
  await expect(page.getByRole('heading', { name: 'Pipeline', level: 1 })).toBeVisible();
  await expect(column(page, 'Perfilamiento').getByRole('listitem').first()).toBeVisible();
}

test('move a lead with the keyboard handle and another with the pointer; both stay after a reload', async ({ page, broker, signedIn, shot }) => {
  const { keyboard, pointer } = broker.leads;
  await signedIn(page);
  await openBoard(page);
  // the demo book fills every column
  for (const stage of ['Entrada', 'Perfilamiento', 'Calificación financiera', 'Potencial', 'Agendado', 'Ganado', 'Perdido']) {
    await expect(column(page, stage).getByRole('listitem').first()).toBeVisible();
  }
  await shot(page, 'pipeline');

  // keyboard: Space lifts, → moves one column, Space drops
  const profiling = column(page, 'Perfilamiento');
  await handle(profiling, keyboard).focus();
  await page.keyboard.press('Space');
  await expect(page.getByText(`Tomaste a ${keyboard}, que está en Perfilamiento.`, { exact: false })).toBeAttached();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(`${keyboard} está sobre Calificación financiera.`)).toBeAttached();
  await page.keyboard.press('Space');
  await expect(handle(column(page, 'Calificación financiera'), keyboard)).toBeVisible();
  await expect(handle(profiling, keyboard)).toHaveCount(0);

  // pointer: find the lead with the board's search, grab its card and drop it on «Entrada»
  await page.getByRole('searchbox', { name: 'Buscar' }).fill(pointer);
  await expect(page.getByRole('button', { name: /^Mover a / })).toHaveCount(1);
  const from = await handle(profiling, pointer).boundingBox();
  const to = await column(page, 'Entrada').boundingBox();
  if (!from || !to) throw new Error('no card or column on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 - 20, from.y + from.height / 2, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect(handle(column(page, 'Entrada'), pointer)).toBeVisible();
  await expect(page.getByText(`Moviste a ${pointer} de Perfilamiento a Entrada.`)).toBeAttached();
  await page.getByRole('button', { name: 'Limpiar filtros' }).click();

  // persisted: the server has both moves
  await page.reload();
  await expect(handle(column(page, 'Calificación financiera'), keyboard)).toBeVisible();
  await expect(handle(column(page, 'Entrada'), pointer)).toBeVisible();
  await expect(handle(page, keyboard)).toHaveCount(1);
  await expect(handle(page, pointer)).toHaveCount(1);
});

test('dropping a lead on «Perdido» asks for the close reason first', async ({ page, broker, signedIn, shot }) => {
  const { lost } = broker.leads;
  await signedIn(page);
  await openBoard(page);
  await handle(column(page, 'Perfilamiento'), lost).focus();
  await page.keyboard.press('Space');
  // one column per arrow, each announced (the board scrolls along)
  for (const stage of ['Calificación financiera', 'Potencial', 'Agendado', 'Ganado', 'Perdido']) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByText(`${lost} está sobre ${stage}.`)).toBeAttached();
  }
  await page.keyboard.press('Space');

  const dialog = page.getByRole('dialog', { name: `Cerrar a ${lost} como perdido` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('group', { name: 'Motivo del cierre' })).toBeVisible();
  await dialog.getByRole('radio', { name: 'Compró o arrendó con otra corredora' }).check();
  await dialog.getByLabel('Detalle (opcional)').fill('Compró en Macul con otra corredora');
  await shot(page, 'pipeline-close-reason', { fullPage: false });
  await dialog.getByRole('button', { name: 'Cerrar como perdido' }).click();
  await expect(dialog).toBeHidden();
  await expect(handle(column(page, 'Perdido'), lost)).toBeVisible();

  await page.reload();
  await expect(handle(column(page, 'Perdido'), lost)).toBeVisible();
  // the lead's page tells why it was closed
  await column(page, 'Perdido').getByRole('link', { name: `Abrir ficha de ${lost}` }).click();
  await expect(page.getByRole('heading', { name: lost, level: 1 })).toBeVisible();
  await expect(page.getByText('Compró en Macul con otra corredora').first()).toBeVisible();
});

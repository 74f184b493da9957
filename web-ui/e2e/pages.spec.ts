import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * A screenshot of every page of the dashboard with the demo brokerage's data (the flows have their
 * own specs), each checked first for what it must show, so that no screenshot is of a spinner, an
 * empty state or an error. target/e2e-screenshots/ then holds the whole dashboard.
 */

const main = (page: Page) => page.getByRole('main');

test('the leads table and a lead page with its facts, score and timeline of messages', async ({ page, signedIn, shot }) => {
  await signedIn(page, '/leads');
  const table = page.getByRole('region', { name: 'Lista de leads' });
  await expect(table.getByRole('row')).toHaveCount(51); // a page of 50 and the header
  await expect(page.getByText('Mostrando 50 leads · hay más')).toBeVisible();
  await shot(page, 'leads');

  // a lead who chatted on the web (demo data): its page from the inbox, with the messages in the timeline
  await page.goto('/conversations');
  await page.getByRole('link').filter({ hasText: 'Diego Campos' }).first().click();
  await page.getByRole('link', { name: 'Ver ficha del lead' }).click();
  await expect(page.getByRole('heading', { name: 'Diego Campos', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ver conversación' })).toBeVisible();
  const facts = page.getByRole('region', { name: 'Datos del lead' });
  await expect(facts.getByText('San Pedro de la Paz')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Puntaje' }).getByText('Por qué tiene este puntaje')).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Actividad' });
  await expect(timeline.getByText('Mensaje del lead').first()).toBeVisible();
  await expect(timeline.getByText('Hola, quiero comprar un depto en San Pedro de la Paz')).toBeVisible();
  await shot(page, 'lead-detail');
});

test('the inbox with an escalated conversation open', async ({ page, signedIn, shot }) => {
  await signedIn(page, '/conversations');
  const escalated = page.getByRole('link').filter({ hasText: 'Escalada' }).first();
  await expect(escalated).toBeVisible();
  await escalated.click();
  await expect(page.getByText(/^Conversación escalada \(/)).toBeVisible();
  await expect(page.getByRole('log').getByRole('listitem').nth(1)).toBeVisible();
  await shot(page, 'conversations');
});

test('every settings page', async ({ page, signedIn, shot }) => {
  await signedIn(page, '/settings');
  await expect(page).toHaveURL(/\/settings\/agent$/);
  await expect(page.getByRole('heading', { name: 'Asistente virtual' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Nombre del asistente' })).toHaveValue(/\S/);
  await expect(page.getByRole('heading', { name: 'Lo que se le dice al asistente' })).toBeVisible();
  await shot(page, 'settings-agent');

  const menu = page.getByRole('navigation', { name: 'Secciones de configuración' });
  await menu.getByRole('link', { name: 'Canales' }).click();
  await expect(page.getByRole('heading', { name: 'Canales de chat' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Dirección del webhook' }).first()).toHaveValue(/\/webhooks\/telegram\/propiedades-demo$/);
  await shot(page, 'settings-channels');

  await menu.getByRole('link', { name: 'IA y presupuesto' }).click();
  await expect(main(page).getByRole('combobox').first()).toBeVisible();
  await expect(main(page).getByText('US$').first()).toBeVisible();
  await shot(page, 'settings-ai');

  await menu.getByRole('link', { name: 'Voz' }).click();
  await expect(page.getByRole('heading', { name: 'Llamadas de voz' })).toBeVisible();
  await shot(page, 'settings-voice');

  await menu.getByRole('link', { name: 'Corredora' }).click();
  await expect(page.getByRole('heading', { name: 'Datos de la corredora' })).toBeVisible();
  await expect(main(page).getByRole('textbox').first()).toHaveValue('Propiedades Demo');
  await shot(page, 'settings-brokerage');

  await menu.getByRole('link', { name: 'Usuarios' }).click();
  await expect(page.getByRole('heading', { name: 'Usuarios' })).toBeVisible();
  for (const name of ['Valentina Soto', 'Ignacio Carrasco', 'Fernanda Muñoz', 'Cristóbal Reyes']) {
    await expect(main(page).getByText(name).first()).toBeVisible();
  }
  await shot(page, 'settings-users');
});

test('notifications and the audit log', async ({ page, signedIn, shot }) => {
  await signedIn(page, '/notifications');
  await expect(page.getByRole('heading', { name: 'Notificaciones', level: 1 })).toBeVisible();
  await expect(page.getByText(/^Tienes \d+ notificaciones sin leer\.$/)).toBeVisible();
  await expect(main(page).getByText('Conversación escalada').first()).toBeVisible();
  await shot(page, 'notifications');

  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Auditoría' }).click();
  await expect(page.getByRole('heading', { name: 'Registro de auditoría', level: 1 })).toBeVisible();
  // the demo brokerage's writes are in the log: who did what, as readable rows
  await expect(main(page).getByRole('table').getByRole('row').nth(5)).toBeVisible();
  await expect(main(page).getByRole('table').getByText('Valentina Soto').first()).toBeVisible();
  await expect(main(page).getByText('El registro de auditoría aún no se puede consultar')).toHaveCount(0);
  await shot(page, 'audit');
});

test('on a 768 px tablet', async ({ page, signedIn, shot }) => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await signedIn(page);
  await expect(page.getByRole('region', { name: 'Leads calientes' }).getByRole('listitem').first()).toBeVisible();
  await shot(page, 'tablet-overview');

  await page.goto('/leads');
  await expect(page.getByRole('region', { name: 'Lista de leads' }).getByRole('row').nth(1)).toBeVisible();
  await shot(page, 'tablet-leads');

  await page.goto('/pipeline');
  await expect(page.getByRole('region', { name: 'Entrada', exact: true }).getByRole('listitem').first()).toBeVisible();
  await shot(page, 'tablet-pipeline');

  await page.goto('/conversations');
  await page.getByRole('link').filter({ hasText: 'Chat web' }).first().click();
  await expect(page.getByRole('log').getByRole('listitem').first()).toBeVisible();
  await shot(page, 'tablet-conversations');
});

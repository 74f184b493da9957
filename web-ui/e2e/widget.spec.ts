import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The web-chat widget as a visitor meets it: on the demo page «Propiedades Demo» (served by Inmo at
 * /widget-demo.html), on a phone, and pasted into a brokerage's own website on another origin.
 * The built-in offline agent answers (no LLM key in the test server).
 */

const widget = (page: Page) => page.locator('inmo-chat-widget');

async function chat(page: Page, text: string) {
  const box = widget(page).getByRole('textbox', { name: 'Escribe tu mensaje' });
  await box.fill(text);
  await box.press('Enter');
  await expect(widget(page).locator('.msg.visitor', { hasText: text })).toBeVisible();
}

test('a visitor opens the chat on the demo page, writes, and the agent answers', async ({ page, broker, shot }) => {
  await page.goto(`/widget-demo.html?broker=${broker.slug}`);
  await expect(page.getByText('Propiedades Demo').first()).toBeVisible();
  const launcher = widget(page).getByRole('button', { name: 'Abrir el chat con Sofía' });
  await expect(launcher).toBeVisible();
  await shot(page, 'widget-demo');

  await launcher.click();
  const panel = widget(page).getByRole('dialog', { name: 'Chat con Sofía' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('textbox', { name: 'Escribe tu mensaje' })).toBeFocused();
  await expect(panel.getByText('¡Hola! Soy Sofía.')).toBeVisible();

  await chat(page, 'Hola, busco depto en Ñuñoa');
  const reply = widget(page).locator('.msg.agent').first();
  await expect(reply).toContainText('Ñuñoa', { timeout: 20_000 });
  await expect(reply).toContainText('Sofía');
  await shot(page, 'widget-demo-chat');

  // the session lives in localStorage: after a reload the conversation is still there
  await page.reload();
  await widget(page).getByRole('button', { name: 'Abrir el chat con Sofía' }).click();
  await expect(widget(page).locator('.msg.visitor', { hasText: 'Hola, busco depto en Ñuñoa' })).toBeVisible();
  await expect(widget(page).locator('.msg.agent')).toHaveCount(1);

  // Esc closes and gives the focus back to the button
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(widget(page).getByRole('button', { name: /Abrir el chat con Sofía/ })).toBeFocused();
});

test('on a phone the open chat takes the whole screen', async ({ page, broker, shot }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/widget-demo.html?broker=${broker.slug}`);
  await widget(page).getByRole('button', { name: 'Abrir el chat con Sofía' }).click();
  const panel = widget(page).getByRole('dialog', { name: 'Chat con Sofía' });
  await expect(panel).toBeVisible();
  expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
  await chat(page, 'Me llamo Camila y quiero arrendar');
  await expect(widget(page).locator('.msg.agent').first()).toContainText('Camila', { timeout: 20_000 });
  await shot(page, 'widget-phone');
});

test('pasted into a brokerage website on another origin, the one script tag works', async ({ page, context, broker, baseURL }) => {
  // the brokerage's site: another origin than Inmo's (localhost vs 127.0.0.1), served by the test;
  // Chromium asks before a page reaches a loopback address, which a real public site never does
  const inmo = new URL(baseURL ?? '');
  const site = `http://${inmo.hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${inmo.port || 80}/sitio-corredora/`;
  await context.grantPermissions(['local-network-access']);
  await page.route(`${site}**`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${broker.name}</title>
        <style>body{font:18px Georgia,serif;margin:40px} button{background:red!important}</style></head>
        <body><h1>${broker.name}</h1><p>Casas y departamentos en la Región Metropolitana.</p>
        <script src="${inmo.origin}/widget.js" data-broker="${broker.slug}" async></script></body></html>`,
    }),
  );
  await page.goto(site);
  await widget(page).getByRole('button', { name: 'Abrir el chat con Sofía' }).click();
  await chat(page, 'Hola, ¿tienen casas en Puente Alto?');
  await expect(widget(page).locator('.msg.agent').first()).toContainText('Sofía', { timeout: 20_000 });
  // the host page's CSS does not reach the widget
  const send = widget(page).getByRole('button', { name: 'Enviar' });
  expect(await send.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(255, 0, 0)');
});

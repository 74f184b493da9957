import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * The conversations inbox with a live web chat: a visitor writes through the widget on the demo
 * page and the AI agent answers; staff see the conversation arrive, take it over, reply (the
 * visitor sees the reply in the widget) and hand it back to the AI, which answers again.
 */

const widget = (page: Page) => page.locator('inmo-chat-widget');

async function say(visitor: Page, text: string) {
  const box = widget(visitor).getByRole('textbox', { name: 'Escribe tu mensaje' });
  await box.fill(text);
  await box.press('Enter');
  await expect(widget(visitor).locator('.msg.visitor', { hasText: text })).toBeVisible();
}

test('take over a web-chat conversation, answer the visitor in the widget, and release it', async ({ page, browser, broker, signedIn, shot }) => {
  test.setTimeout(60_000);
  const visitor = await browser.newPage();
  await visitor.goto(`/widget-demo.html?broker=${broker.slug}`);
  await widget(visitor).getByRole('button', { name: 'Abrir el chat con Sofía' }).click();
  await say(visitor, 'Hola, me llamo Rodrigo y busco casa en Peñalolén');
  await expect(widget(visitor).locator('.msg.agent').first()).toContainText('Rodrigo', { timeout: 20_000 });
  const aiReplies = await widget(visitor).locator('.msg.agent').count();

  await signedIn(page, '/conversations');
  await expect(page.getByRole('heading', { name: 'Conversaciones', level: 1 })).toBeVisible();
  // the demo conversations are there, and the new one on top
  const row = page.getByRole('link', { name: /Rodrigo/ }).first();
  await expect(row).toContainText('Chat web');
  await expect(row).toContainText('Responde la IA');
  await row.click();

  const thread = page.getByRole('region', { name: /Rodrigo/ });
  const log = thread.getByRole('log', { name: /Mensajes con Rodrigo/ });
  await expect(log.getByText('Hola, me llamo Rodrigo y busco casa en Peñalolén')).toBeVisible();
  await expect(log.getByRole('listitem')).toHaveCount(aiReplies + 1);

  await thread.getByRole('button', { name: 'Tomar conversación' }).click();
  await expect(thread.getByText('Atiendes tú')).toBeVisible();
  await thread.getByRole('textbox', { name: 'Tu respuesta' }).fill('Hola Rodrigo, te escribe Valentina de Propiedades Demo. ¿Te acomoda una visita el sábado?');
  await thread.getByRole('button', { name: 'Enviar' }).click();
  await expect(log.getByText('te escribe Valentina')).toBeVisible();
  await expect(thread.getByRole('textbox', { name: 'Tu respuesta' })).toHaveValue('');
  await shot(page, 'conversations-taken-over');

  // the visitor gets the reply live, in the widget
  await expect(widget(visitor).locator('.msg.agent', { hasText: 'te escribe Valentina' })).toBeVisible({ timeout: 15_000 });
  await shot(visitor, 'widget-staff-reply');
  // the visitor answers: staff see it live, and the AI stays quiet while a person holds the chat
  await say(visitor, 'Sí, el sábado en la mañana me acomoda');
  await expect(log.getByText('Sí, el sábado en la mañana me acomoda')).toBeVisible({ timeout: 15_000 });

  await thread.getByRole('button', { name: 'Devolver a la IA' }).click();
  await expect(thread.getByText('Responde la IA')).toBeVisible();
  await expect(thread.getByRole('button', { name: 'Tomar conversación' })).toBeVisible();
  await expect(widget(visitor).locator('.msg.agent')).toHaveCount(aiReplies + 1);

  // released: the AI answers the next message
  await say(visitor, '¿Y tienen algo con patio?');
  await expect(widget(visitor).locator('.msg.agent')).toHaveCount(aiReplies + 2, { timeout: 20_000 });
  await visitor.close();
});

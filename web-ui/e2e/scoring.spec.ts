import { expect, test } from './fixtures';

/**
 * Configuración › Puntaje: the sample lead's score is computed by the server for the weights being
 * edited (nothing saved) and follows every change; «Descartar» brings the saved weights back.
 */
test('changing a scoring weight changes the live score preview', async ({ page, signedIn, shot }) => {
  await signedIn(page);
  await page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Configuración' }).click();
  await page.getByRole('navigation', { name: 'Secciones de configuración' }).getByRole('link', { name: 'Puntaje' }).click();
  await expect(page.getByRole('heading', { name: 'Puntaje de leads' })).toBeVisible();

  const preview = page.getByRole('complementary', { name: 'Prueba del puntaje' });
  const score = preview.getByRole('img', { name: /^Puntaje \d+ de 100$/ });
  await expect(score).toBeVisible();
  const before = Number(/\d+/.exec((await score.getAttribute('aria-label')) ?? '')?.[0]);
  await expect(preview.getByText('+', { exact: false }).first()).toBeVisible();
  await shot(page, 'settings-scoring');

  // the sample lead has a budget: without its points the score drops by the budget's weight
  const budget = page.getByRole('spinbutton', { name: 'Puntos de Presupuesto', exact: true });
  const weight = Number(await budget.inputValue());
  expect(weight).toBeGreaterThan(0);
  await budget.fill('0');
  await expect(page.getByRole('slider', { name: 'Puntos de Presupuesto (deslizador)' })).toHaveValue('0');
  await expect(score).toHaveAccessibleName(`Puntaje ${before - weight} de 100`);
  await expect(page.getByText('Hay cambios sin guardar.')).toBeVisible();
  await expect(page.getByText(/^Los pesos suman \d+\./)).toBeVisible();
  // the viewport as the admin sees it: the weights, the sticky save bar and the preview beside them
  await shot(page, 'settings-scoring-changed', { fullPage: false });

  await page.getByRole('button', { name: 'Descartar' }).click();
  await expect(budget).toHaveValue(String(weight));
  await expect(score).toHaveAccessibleName(`Puntaje ${before} de 100`);
});

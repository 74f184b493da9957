import { test as base, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { readBroker, SCREENSHOTS, type E2eBroker } from './broker';

/**
 * The suite's fixtures: `broker` (registered by the global setup), `signIn(page)` through the login
 * page, and `shot(page, name)`, which saves a full-page screenshot into target/e2e-screenshots/.
 * Every test also leaves a screenshot of the page it ended on (named after the test), pass or fail.
 */
export interface E2eFixtures {
  broker: E2eBroker;
  signIn: (page: Page) => Promise<void>;
  shot: (page: Page, name: string) => Promise<void>;
  lastPageShot: void;
}

const fileName = (name: string) =>
  `${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.png`;

export async function saveShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, fileName(name)), fullPage: true, animations: 'disabled' });
}

export const test = base.extend<E2eFixtures>({
  broker: async ({}, use) => {
    await use(readBroker());
  },
  shot: async ({}, use) => {
    await use(saveShot);
  },
  signIn: async ({ broker }, use) => {
    await use(async (page) => {
      await page.goto('/login');
      await page.getByLabel('Correo electrónico').fill(broker.email);
      await page.getByLabel('Contraseña').fill(broker.password);
      await page.getByRole('button', { name: 'Ingresar' }).click();
      await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
    });
  },
  lastPageShot: [
    async ({ page }, use, testInfo) => {
      await use();
      if (page.url() !== 'about:blank') {
        await saveShot(page, `${testInfo.file.replace(/^.*[\\/]/, '').replace(/\.spec\.ts$/, '')} ${testInfo.title}`).catch(() => undefined);
      }
    },
    { auto: true },
  ],
});

export { expect };

import { test as base, expect, type Page } from '@playwright/test';
import { join } from 'node:path';
import { readBroker, readSession, SCREENSHOTS, type E2eBroker } from './broker';

/**
 * The suite's fixtures: `broker` (filled by the global setup), `signIn(page)` through the login
 * page, `signedIn(page)` with the ADMIN's session from the global setup, and `shot(page, name)`,
 * which saves a full-page screenshot into target/e2e-screenshots/.
 * Every test also leaves a screenshot of the page it ended on (named after the test), pass or fail.
 */
export interface E2eFixtures {
  broker: E2eBroker;
  /** Signs in through the login page as the ADMIN, or as `email` (an AGENT) with the same password. */
  signIn: (page: Page, email?: string) => Promise<void>;
  /**
   * Opens `path` as the ADMIN, signed in with the session the global setup got, as the dashboard
   * keeps it after a login (sessionStorage `inmo.auth`): the server allows only 10 logins per
   * account in 5 minutes, fewer than the suite has specs. The login page itself is sign-in.spec.ts's.
   */
  signedIn: (page: Page, path?: string) => Promise<void>;
  shot: (page: Page, name: string, options?: { fullPage?: boolean }) => Promise<void>;
  lastPageShot: void;
}

const fileName = (name: string) =>
  `${name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.png`;

/**
 * The whole page, from the top (sticky bars are drawn where the scroll left them, so a full-page
 * shot starts scrolled up); `{ fullPage: false }` keeps the scroll and takes the viewport only.
 */
export async function saveShot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, fileName(name)), fullPage, animations: 'disabled' });
}

export const test = base.extend<E2eFixtures>({
  broker: async ({}, use) => {
    await use(readBroker());
  },
  shot: async ({}, use) => {
    await use(saveShot);
  },
  signIn: async ({ broker }, use) => {
    await use(async (page, email = broker.email) => {
      await page.goto('/login');
      await page.getByLabel('Correo electrónico').fill(email);
      await page.getByLabel('Contraseña').fill(broker.password);
      await page.getByRole('button', { name: 'Ingresar' }).click();
      await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
    });
  },
  signedIn: async ({}, use) => {
    const session = readSession();
    await use(async (page, path = '/') => {
      await page.addInitScript((value) => {
        if (!sessionStorage.getItem('inmo.auth')) sessionStorage.setItem('inmo.auth', value);
      }, JSON.stringify({ state: session, version: 0 }));
      await page.goto(path);
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

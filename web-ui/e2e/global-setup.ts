import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { FullConfig } from '@playwright/test';
import { SCREENSHOTS, SESSION_FILE, STATE_FILE, type E2eBroker, type E2eSession } from './broker';

/**
 * Before the suite: the demo brokerage «Propiedades Demo», written by the jar's own `demo-data`
 * command through the API (an ADMIN, three AGENTs, ~100 Chilean leads over every stage, web-chat
 * conversations incl. escalations; ~40 s, mostly waiting for the chat replies), so that every page
 * shows realistic data. Then three leads of the suite's own, which the pipeline spec moves, and the
 * ADMIN's session for the specs that start signed in (`signedIn(page)`).
 *
 * On a server that already has the demo brokerage (INMO_E2E_BASE_URL) the command writes nothing:
 * its accounts must have {@link PASSWORD}, and the suite's leads get a run suffix.
 */

const PASSWORD = 'Cordillera-Ñuñoa-2026';
const TARGET = resolve(import.meta.dirname, '../target');

const DEMO: Omit<E2eBroker, 'leads'> = {
  name: 'Propiedades Demo',
  slug: 'propiedades-demo',
  adminName: 'Valentina Soto',
  email: 'valentina@demo.inmo.local',
  password: PASSWORD,
  agents: [
    { name: 'Ignacio Carrasco', email: 'ignacio@demo.inmo.local' },
    { name: 'Fernanda Muñoz', email: 'fernanda@demo.inmo.local' },
    { name: 'Cristóbal Reyes', email: 'cristobal@demo.inmo.local' },
  ],
};

/** `java -jar inmo.jar demo-data --url <base> --password <P>`; its output goes to target/e2e-demo-data.log. */
async function fillDemo(base: string): Promise<{ created: boolean }> {
  const java = process.env.INMO_E2E_JAVA ?? 'java';
  const jar = process.env.INMO_E2E_JAR ?? resolve(import.meta.dirname, '../../bootstrap/target/inmo.jar');
  // like the server: none of the caller's INMO_* settings
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('INMO_')));
  const logFile = join(TARGET, 'e2e-demo-data.log');
  const log = createWriteStream(logFile);
  let output = '';
  const code = await new Promise<number>((ok) => {
    const child = spawn(java, ['-jar', jar, 'demo-data', '--url', base, '--password', PASSWORD], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      log.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => {
      output += error.message;
      ok(1);
    });
    child.on('exit', (status) => ok(status ?? 1));
  });
  await new Promise((ok) => log.end(ok));
  if (code !== 0) throw new Error(`demo-data exited with ${code} (${logFile}):\n${output}`);
  return { created: !output.includes('already exists') };
}

async function call<T>(base: string, path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export default async function globalSetup(config: FullConfig): Promise<void> {
  const base = config.projects[0]?.use.baseURL;
  if (!base) throw new Error('no baseURL');
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });

  const started = Date.now();
  const { created } = await fillDemo(base);
  console.log(`[e2e] demo data ${created ? 'written' : 'already there'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const session = await call<E2eSession>(base, '/api/v1/auth/login', { email: DEMO.email, password: DEMO.password }).catch((error: Error) => {
    // 401: a demo brokerage made with another password; 429: more than 10 logins in 5 minutes (runs in a row on one server)
    throw new Error(`cannot sign in as the demo ADMIN ${DEMO.email}: ${error.message}`);
  });
  const suffix = created ? '' : ` ${Date.now().toString(36)}`;
  const leads: E2eBroker['leads'] = {
    keyboard: `Matías Herrera${suffix}`,
    pointer: `Josefa Navarro${suffix}`,
    lost: `Benjamín Soto${suffix}`,
  };
  const facts = [
    { location: 'Ñuñoa', operation: 'buy', budget: { amount: 4800, currency: 'UF' } },
    { location: 'Providencia', operation: 'rent', budget: { amount: 720000, currency: 'CLP' } },
    { location: 'San Miguel', operation: 'buy', budget: { amount: 2900, currency: 'UF' } },
  ];
  for (const [index, name] of Object.values(leads).entries()) {
    await call(base, '/api/v1/leads', { name, facts: facts[index] }, session.accessToken);
  }

  mkdirSync(dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify({ ...DEMO, leads } satisfies E2eBroker, null, 2));
  // the ADMIN's session, for the specs that start signed in (the server allows 10 logins per account in 5 minutes)
  const { accessToken, refreshToken, user } = session;
  writeFileSync(SESSION_FILE, JSON.stringify({ accessToken, refreshToken, user } satisfies E2eSession));
}

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FullConfig } from '@playwright/test';
import { SCREENSHOTS, STATE_FILE, type E2eBroker } from './broker';

/**
 * Before the suite: a brokerage registered through the public API (a unique one per run, so that a
 * server that is already running can be used too) with a few leads, so that pages show data.
 */

const LEADS = [
  { name: 'María José Pérez', phone: '9 8765 4321', facts: { location: 'Ñuñoa', operation: 'buy', budget: { amount: 5200, currency: 'UF' }, bedrooms: 2, timeline: '30_days', financing: 'mortgage', dicomStatus: 'clean' } },
  { name: 'Camilo Rojas', phone: '9 7123 4567', facts: { location: 'Providencia', operation: 'rent', budget: { amount: 650000, currency: 'CLP' }, bedrooms: 1 } },
  { name: 'Francisca Muñoz', phone: '9 6234 5678', email: 'fran.munoz@correo.cl', facts: { location: 'Las Condes', operation: 'buy', budget: { amount: 9000, currency: 'UF' }, timeline: '30_days', financing: 'cash' } },
  { name: 'Javier Contreras', phone: '9 5345 6789', facts: { location: 'La Florida' } },
  { name: 'Constanza Díaz', phone: '9 4456 7890', facts: { location: 'Maipú', operation: 'buy', budget: { amount: 3100, currency: 'UF' }, financing: 'subsidy' } },
];

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

  const run = Date.now().toString(36);
  const broker: Omit<E2eBroker, 'slug'> = {
    name: `Propiedades Andes ${run}`,
    adminName: 'Valentina Soto',
    email: `valentina.${run}@andes-e2e.cl`,
    password: 'Cordillera-Ñuñoa-2026',
    leads: LEADS.map((l) => l.name),
  };
  const registered = await call<{ accessToken: string; user: { brokerSlug: string } }>(base, '/api/v1/auth/register', {
    brokerName: broker.name,
    name: broker.adminName,
    email: broker.email,
    password: broker.password,
  });
  for (const lead of LEADS) await call(base, '/api/v1/leads', lead, registered.accessToken);

  mkdirSync(dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify({ ...broker, slug: registered.user.brokerSlug } satisfies E2eBroker, null, 2));
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The brokerage the global setup registered for this run (e2e/global-setup.ts). */
export interface E2eBroker {
  name: string;
  slug: string;
  adminName: string;
  email: string;
  password: string;
  /** Leads the setup created, by name. */
  leads: string[];
}

export const STATE_FILE = resolve(import.meta.dirname, '../target/e2e-state/broker.json');
export const SCREENSHOTS = resolve(import.meta.dirname, '../target/e2e-screenshots');

export function readBroker(): E2eBroker {
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as E2eBroker;
}

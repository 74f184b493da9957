import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A staff account of the brokerage. */
export interface E2eUser {
  name: string;
  email: string;
}

/**
 * The brokerage the suite works on (e2e/global-setup.ts): the demo brokerage «Propiedades Demo»
 * that the jar's `demo-data` command fills (~100 leads over every stage, web-chat conversations),
 * its ADMIN Valentina Soto and its AGENTs, all with {@link E2eBroker.password}.
 */
export interface E2eBroker {
  name: string;
  slug: string;
  adminName: string;
  /** The ADMIN's e-mail. */
  email: string;
  password: string;
  agents: E2eUser[];
  /**
   * Leads the setup created for the specs that move them (pipeline), by name, in «Perfilamiento»
   * (a name and a comuna start the profiling): `board.keyboard`, `board.pointer`, `board.lost`.
   */
  leads: { keyboard: string; pointer: string; lost: string };
}

/** A session as `POST /api/v1/auth/login` answers it (tokens and user), what the dashboard keeps. */
export interface E2eSession {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; name: string; role: string; brokerId?: string; brokerSlug?: string };
}

export const STATE_FILE = resolve(import.meta.dirname, '../target/e2e-state/broker.json');
export const SESSION_FILE = resolve(import.meta.dirname, '../target/e2e-state/admin-session.json');
export const SCREENSHOTS = resolve(import.meta.dirname, '../target/e2e-screenshots');

export function readBroker(): E2eBroker {
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as E2eBroker;
}

export function readSession(): E2eSession {
  return JSON.parse(readFileSync(SESSION_FILE, 'utf8')) as E2eSession;
}

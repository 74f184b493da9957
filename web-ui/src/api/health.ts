import { NETWORK_ERROR } from './problem';

export const READY_PATH = '/health/ready';

/** One dependency as reported by /health/ready. */
export interface HealthCheck {
  name: string;
  status: string;
  critical?: boolean;
  detail?: string | null;
  latencyMillis?: number;
}

/** Body of /health/ready: 200 when ready, 503 (same shape) when a critical dependency is down. */
export interface Readiness {
  status: 'up' | 'degraded' | 'down' | string;
  checks: HealthCheck[];
}

/** Fetches readiness. A 503 with a readiness body is an answer, not an error. */
export async function fetchReadiness(signal?: AbortSignal): Promise<Readiness> {
  let response: Response;
  try {
    response = await fetch(READY_PATH, { headers: { Accept: 'application/json' }, cache: 'no-store', signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new Error(NETWORK_ERROR);
  }
  const body = (await response.json().catch(() => null)) as Partial<Readiness> | null;
  if ((response.ok || response.status === 503) && body && typeof body.status === 'string') {
    return { status: body.status, checks: Array.isArray(body.checks) ? body.checks : [] };
  }
  throw new Error(`El servidor respondió con un error (código ${response.status}).`);
}

const DATABASE_NAMES = /^(database|db|postgres(ql)?|jdbc)$/i;

/** The database's check, when the server reports one. */
export const databaseCheck = (readiness: Readiness): HealthCheck | undefined =>
  readiness.checks.find((check) => DATABASE_NAMES.test(check.name));

/** One rejected field of a request. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem document, as the Inmo API answers errors (`adapters-rest` `Problem`). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** Inmo's stable code, e.g. `lead.not_found`, `auth.invalid_token`. */
  code?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

/** An API call that failed; {@link message} is always a sentence fit for the user, never raw JSON. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(message: string, status: number, problem?: Problem) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The problem's stable code (`lead.not_found`…), when the server sent one. */
  get code(): string | undefined {
    return this.problem?.code;
  }

  /** Field-level problems of a rejected request (empty when none). */
  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}

const isFieldError = (value: unknown): value is FieldError =>
  value !== null &&
  typeof value === 'object' &&
  typeof (value as FieldError).field === 'string' &&
  typeof (value as FieldError).message === 'string';

/** Reads a problem (or any JSON object) body; undefined when the body is empty or not JSON. */
export async function readProblem(response: Response): Promise<Problem | undefined> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!/json/i.test(type)) return undefined;
  try {
    const body: unknown = await response.json();
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
    const raw = body as Record<string, unknown>;
    const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
    return {
      type: text('type'),
      title: text('title'),
      status: typeof raw.status === 'number' ? raw.status : undefined,
      detail: text('detail'),
      code: text('code'),
      instance: text('instance'),
      requestId: text('requestId'),
      errors: Array.isArray(raw.errors) ? raw.errors.filter(isFieldError) : undefined,
    };
  } catch {
    return undefined;
  }
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The problem's own words: its detail, else its title. */
export function problemText(problem: Problem | undefined): string | undefined {
  return text(problem?.detail) ?? text(problem?.title);
}

export const NETWORK_ERROR = 'No se pudo conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.';

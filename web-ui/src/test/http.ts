import { vi } from 'vitest';

/** A JSON (or problem+json) Response, as a mocked fetch answers. */
export function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

/** An RFC 9457 problem answer. */
export function problemResponse(status: number, code: string, detail: string): Response {
  return jsonResponse(status, { type: `https://inmo.dev/problems/${code}`, title: 'Error', status, detail, code }, 'application/problem+json');
}

/** Replaces the global fetch for one test (vitest's restoreMocks/unstubAllGlobals undo it). */
export function mockFetch(...answers: Array<Response | Error>) {
  const fn = vi.fn<typeof fetch>();
  for (const answer of answers) {
    if (answer instanceof Error) fn.mockRejectedValueOnce(answer);
    else fn.mockResolvedValueOnce(answer);
  }
  vi.stubGlobal('fetch', fn);
  return fn;
}

export interface Call {
  method: string;
  /** Path and query, e.g. `/api/v1/leads?status=hot`. */
  url: string;
  headers: Headers;
  body: unknown;
}

/**
 * Replaces the global fetch with a function of the request: `answer(call)` returns the Response (or
 * throws for a network failure). Every call is recorded in `calls`.
 */
export function routeFetch(answer: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn = vi.fn<typeof fetch>(async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const call: Call = {
      method: init?.method ?? 'GET',
      url,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body,
    };
    calls.push(call);
    return answer(call);
  });
  vi.stubGlobal('fetch', fn);
  return { fn, calls };
}

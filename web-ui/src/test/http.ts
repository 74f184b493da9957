import { vi } from 'vitest';

/** A JSON (or problem+json) Response, as a mocked fetch answers. */
export function jsonResponse(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
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

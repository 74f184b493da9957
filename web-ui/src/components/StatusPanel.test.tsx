import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '../test/http';
import { StatusPanel } from './StatusPanel';

const up = (name: string) => ({ name, status: 'up', critical: true, detail: null, latencyMillis: 2 });

describe('StatusPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows loading, then that the server and the database are ready', async () => {
    const fetch = mockFetch(jsonResponse(200, { status: 'up', checks: [up('database')] }));

    render(<StatusPanel />);

    expect(screen.getByText('Comprobando el estado del servidor…')).toBeTruthy();
    expect(await screen.findByText('Servidor listo')).toBeTruthy();
    expect(screen.getByText('Base de datos: lista')).toBeTruthy();
    expect(fetch.mock.calls[0]![0]).toBe('/health/ready');
  });

  it('reads a 503 answer as "not ready" with the database down', async () => {
    mockFetch(
      jsonResponse(503, {
        status: 'down',
        checks: [{ name: 'database', status: 'down', critical: true, detail: 'connection refused', latencyMillis: 1 }, up('redis')],
      }),
    );

    render(<StatusPanel />);

    expect(await screen.findByText('Servidor no listo')).toBeTruthy();
    expect(screen.getByText('Base de datos: no disponible')).toBeTruthy();
    expect(screen.getByText('Caché (Redis): disponible')).toBeTruthy();
  });

  it('shows an error when the server cannot be reached, and retries on demand', async () => {
    mockFetch(new TypeError('Failed to fetch'), jsonResponse(200, { status: 'degraded', checks: [up('database')] }));

    render(<StatusPanel />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No se pudo consultar el estado del servidor.');

    fireEvent.click(screen.getByRole('button', { name: 'Actualizar' }));

    expect(await screen.findByText('Servidor listo, con servicios degradados')).toBeTruthy();
    expect(screen.getByText('Base de datos: lista')).toBeTruthy();
  });

  it('shows an error for an unexpected answer', async () => {
    mockFetch(new Response('<html>oops</html>', { status: 500, headers: { 'Content-Type': 'text/html' } }));

    render(<StatusPanel />);

    expect((await screen.findByRole('alert')).textContent).toContain('código 500');
  });
});

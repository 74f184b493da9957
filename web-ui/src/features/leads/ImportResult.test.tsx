import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, routeFetch } from '../../test/http';
import { renderPage, signInAs, testUsers } from '../../test/render';
import type { ImportReport } from './api';
import { ImportDialog } from './ImportDialog';
import { ImportResult } from './ImportResult';

// two shared cores: give slow renders room before a wait gives up
configure({ asyncUtilTimeout: 4_000 });

const report: ImportReport = {
  created: 2,
  merged: 1,
  failed: 2,
  lines: [
    { line: 2, result: 'created', leadId: 'l-2', errors: [] },
    { line: 3, result: 'merged', leadId: 'l-3', errors: [] },
    { line: 4, result: 'error', errors: ['phone: no es un teléfono válido (ejemplos: +56 9 1234 5678, 9 1234 5678).'] },
    { line: 5, result: 'created', leadId: 'l-5', errors: [] },
    { line: 6, result: 'error', errors: ['budget: valor no válido «abc»', 'assignedTo: no es un usuario activo de la corredora'] },
  ],
};

const rows = () => within(screen.getByRole('table', { name: 'Resultado por línea' })).getAllByRole('row').slice(1);

describe('ImportResult', () => {
  it('shows the counts and, first, the rejected lines with their reasons', () => {
    renderPage(<ImportResult report={report} />);

    const counts = screen.getByRole('list', { name: 'Resumen' });
    expect(within(counts).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['2 creados', '1 actualizado', '2 rechazados']);

    const checkbox = screen.getByRole('checkbox', { name: 'Mostrar solo las líneas rechazadas' }) as HTMLInputElement;
    expect(checkbox.checked).toBe(true);
    expect(rows().map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['4', '6']);
    const six = rows()[1]!;
    expect(within(six).getByText('Rechazado')).toBeTruthy();
    expect(within(six).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'budget: valor no válido «abc»',
      'assignedTo: no es un usuario activo de la corredora',
    ]);
  });

  it('lists every line on demand, with links to the created and updated leads', () => {
    renderPage(<ImportResult report={report} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mostrar solo las líneas rechazadas' }));

    expect(rows()).toHaveLength(5);
    const merged = rows()[1]!;
    expect(within(merged).getByText('Actualizado')).toBeTruthy();
    expect(within(merged).getByRole('link', { name: 'Ver el lead de la línea 3' }).getAttribute('href')).toBe('/leads/l-3');
  });

  it('says so when everything went in, or when the file had no rows', () => {
    const { unmount } = renderPage(
      <ImportResult report={{ created: 1, merged: 0, failed: 0, lines: [{ line: 2, result: 'created', leadId: 'l-2', errors: [] }] }} />,
    );
    expect(screen.getByText('Todas las líneas se importaron sin problemas.')).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(rows()).toHaveLength(1);
    unmount();

    renderPage(<ImportResult report={{ created: 0, merged: 0, failed: 0, lines: [] }} />);
    expect(screen.getByText('El archivo no tenía filas con datos.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});

describe('ImportDialog', () => {
  beforeEach(() => signInAs(testUsers.admin));
  afterEach(() => vi.unstubAllGlobals());

  const csv = () => new File(['Nombre;Teléfono\nAna;+56912345678\n'], 'leads.csv', { type: 'text/csv' });

  it('asks for a file, sends it as text/csv and shows the per-line result', async () => {
    const { calls } = routeFetch((call) =>
      call.method === 'POST' && call.url === '/api/v1/leads/import' ? jsonResponse(200, report) : problemResponse(404, 'not_found', 'No existe.'),
    );
    renderPage(<ImportDialog open onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Importar leads desde CSV' });

    fireEvent.click(within(dialog).getByRole('button', { name: 'Importar' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Elige un archivo CSV.');
    expect(calls).toHaveLength(0);

    const file = csv();
    fireEvent.change(within(dialog).getByLabelText('Archivo CSV'), { target: { files: [file] } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Importar' }));

    expect(await within(dialog).findByText('Resultado de la importación')).toBeTruthy();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers.get('Content-Type')).toBe('text/csv');
    expect(calls[0]!.body).toBe(file);
    expect(within(dialog).getByText('2 rechazados')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Importar otro archivo' }));
    expect(within(dialog).getByLabelText('Archivo CSV')).toBeTruthy();
  });

  it('shows why a whole file was refused', async () => {
    routeFetch(() =>
      problemResponse(400, 'lead.import_encoding', 'El archivo no está en UTF-8: guárdalo como «CSV UTF-8» y vuelve a importarlo; no se importó ninguna línea.'),
    );
    renderPage(<ImportDialog open onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Archivo CSV'), { target: { files: [csv()] } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Importar' }));

    await waitFor(() => expect(within(dialog).getByRole('alert').textContent).toContain('no está en UTF-8'));
    expect(within(dialog).queryByText('Resultado de la importación')).toBeNull();
  });
});

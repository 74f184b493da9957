import { fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CloseReasonDialog, type CloseChoice } from './CloseReasonDialog';
import type { ClosedStage } from './closeReasons';

function Harness({ stage, onConfirm }: { stage: ClosedStage; onConfirm: (choice: CloseChoice) => void }) {
  const [request, setRequest] = useState<{ name: string; stage: ClosedStage } | null>(null);
  return (
    <>
      <button type="button" onClick={() => setRequest({ name: 'Camila Fuentes', stage })}>
        Soltar
      </button>
      <CloseReasonDialog
        request={request}
        onConfirm={(choice) => {
          onConfirm(choice);
          setRequest(null);
        }}
        onCancel={() => setRequest(null)}
      />
    </>
  );
}

describe('CloseReasonDialog', () => {
  it('asks why a lead is lost, with the API’s reason codes and an optional detail', () => {
    const onConfirm = vi.fn();
    render(<Harness stage="lost" onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Soltar' }));

    const dialog = screen.getByRole('dialog', { name: 'Cerrar a Camila Fuentes como perdido' });
    const reasons = within(dialog).getByRole('group', { name: 'Motivo del cierre' });
    expect(within(reasons).getAllByRole('radio').map((radio) => (radio as HTMLInputElement).value)).toEqual([
      'bought_elsewhere',
      'not_interested',
      'not_qualified',
      'unreachable',
      'duplicate',
      'other',
    ]);
    expect((within(reasons).getByLabelText('Compró o arrendó con otra corredora') as HTMLInputElement).checked).toBe(true);

    fireEvent.click(within(reasons).getByLabelText('No califica (financiamiento o DICOM)'));
    fireEvent.change(within(dialog).getByLabelText('Detalle (opcional)'), { target: { value: '  DICOM vigente  ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cerrar como perdido' }));

    expect(onConfirm).toHaveBeenCalledWith({ closeReason: 'not_qualified', detail: 'DICOM vigente' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('needs a detail for "otro motivo"', () => {
    const onConfirm = vi.fn();
    render(<Harness stage="won" onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Soltar' }));
    const dialog = screen.getByRole('dialog', { name: 'Cerrar a Camila Fuentes como ganado' });
    expect(within(dialog).getAllByRole('radio')).toHaveLength(2);

    fireEvent.click(within(dialog).getByLabelText('Otro motivo'));
    const confirm = within(dialog).getByRole('button', { name: 'Cerrar como ganado' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    expect(within(dialog).getByText('Cuéntanos el motivo en el detalle.')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('Detalle'), { target: { value: 'Compró con crédito de la Caja' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledWith({ closeReason: 'other', detail: 'Compró con crédito de la Caja' });
  });

  it('cancels without closing anything, and starts fresh the next time', () => {
    const onConfirm = vi.fn();
    render(<Harness stage="lost" onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Soltar' }));
    fireEvent.click(screen.getByLabelText('Lead duplicado'));
    fireEvent.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Soltar' }));
    expect((screen.getByLabelText('Compró o arrendó con otra corredora') as HTMLInputElement).checked).toBe(true);
  });
});

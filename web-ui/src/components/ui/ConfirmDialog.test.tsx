import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog';

function Harness({ onConfirm, tone }: { onConfirm: () => void; tone?: 'danger' }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Eliminar lead
      </button>
      <ConfirmDialog
        open={open}
        title="¿Eliminar a Camila Fuentes?"
        description="El lead dejará de aparecer en las listas."
        confirmLabel="Eliminar"
        tone={tone}
        onConfirm={() => {
          onConfirm();
          setOpen(false);
        }}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}

describe('ConfirmDialog', () => {
  it('is a labelled, described modal dialog that confirms', () => {
    const onConfirm = vi.fn();
    render(<Harness onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Eliminar lead' }));

    const dialog = screen.getByRole('dialog', { name: '¿Eliminar a Camila Fuentes?' });
    expect(dialog.getAttribute('open')).not.toBeNull();
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toBe('El lead dejará de aparecer en las listas.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Eliminar' }));

    fireEvent.click(screen.getByRole('button', { name: 'Eliminar' }));

    expect(onConfirm).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('cancels with Esc and gives the focus back', () => {
    const onConfirm = vi.fn();
    render(<Harness onConfirm={onConfirm} tone="danger" />);
    const opener = screen.getByRole('button', { name: 'Eliminar lead' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancelar' })); // danger: safe default

    // the browser turns Esc on a modal <dialog> into a cancelable "cancel" event
    const cancel = new Event('cancel', { cancelable: true });
    fireEvent(dialog, cancel);

    expect(cancel.defaultPrevented).toBe(true);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(opener);
  });
});

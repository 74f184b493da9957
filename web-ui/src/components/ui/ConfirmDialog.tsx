import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** The question or consequence, read out as the dialog's description. */
  description?: ReactNode;
  /** Extra content between description and buttons (e.g. a close-reason form). */
  children?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /** 'danger' paints the confirm button red and puts the initial focus on "Cancelar". */
  tone?: 'default' | 'danger';
  /** While the confirmed action runs: buttons disabled, Esc ignored. */
  busy?: boolean;
  /** Disables the confirm button (e.g. a required field is empty). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question built on the native `<dialog>`: `showModal()` makes the rest of the page inert
 * (focus stays inside), Esc cancels, the title labels it and focus returns where it was on close.
 */
export function ConfirmDialog({
  open,
  title,
  description,
  children,
  confirmLabel,
  cancelLabel,
  tone = 'default',
  busy = false,
  confirmDisabled = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      (tone === 'danger' ? cancelButton : confirmButton).current?.focus();
    } else if (!open && element.open) {
      element.close();
      returnFocus.current?.focus();
    }
  }, [open, tone]);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      onCancel={(event) => {
        event.preventDefault(); // we close it ourselves, through `open`
        if (!busy) onCancel();
      }}
    >
      <form
        method="dialog"
        className="dialog__body"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy && !confirmDisabled) onConfirm();
        }}
      >
        <h2 id={`${id}-title`} className="dialog__title">
          {title}
        </h2>
        {description && (
          <div id={`${id}-description`} className="dialog__description">
            {description}
          </div>
        )}
        {children}
        <div className="dialog__actions">
          <button ref={cancelButton} type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
            {cancelLabel ?? t('confirm.cancel')}
          </button>
          <button
            ref={confirmButton}
            type="submit"
            className={tone === 'danger' ? 'button button--danger' : 'button'}
            disabled={busy || confirmDisabled}
            aria-busy={busy}
          >
            {confirmLabel ?? t('confirm.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

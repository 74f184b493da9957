import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalProps {
  open: boolean;
  title: string;
  description?: ReactNode;
  /** While something runs: Esc does not close. */
  busy?: boolean;
  wide?: boolean;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal built on the native `<dialog>` like the shared ConfirmDialog, for content that is a form
 * or a report: focus goes to the first field (or the dialog), Esc closes, focus returns on close.
 */
export function Modal({ open, title, description, busy = false, wide = false, onClose, children }: ModalProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      const first = element.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea');
      (first ?? element).focus();
    } else if (!open && element.open) {
      element.close();
      returnFocus.current?.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className={wide ? 'dialog leads-dialog leads-dialog--wide' : 'dialog leads-dialog'}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      tabIndex={-1}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <div className="dialog__body">
        <h2 id={`${id}-title`} className="dialog__title">
          {title}
        </h2>
        {description && (
          <div id={`${id}-description`} className="dialog__description">
            {description}
          </div>
        )}
        {open && children}
      </div>
    </dialog>
  );
}

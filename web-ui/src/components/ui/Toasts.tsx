import { CircleCheck, Info, X, CircleX } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';

export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

interface ToastState {
  toasts: Toast[];
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useToasts = create<ToastState>()((set) => ({
  toasts: [],
  dismiss: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
}));

/**
 * Shows a short notice in the corner ("Lead guardado", "No se pudo mover el lead…"). Errors stay
 * until dismissed; others fade after a few seconds. Callable from anywhere, not only components.
 */
export function notify(message: string, kind: ToastKind = 'success'): number {
  const id = nextId++;
  useToasts.setState((state) => ({ toasts: [...state.toasts.slice(-4), { id, kind, message }] }));
  return id;
}

const ICONS = { success: CircleCheck, error: CircleX, info: Info } as const;
const LIFETIME_MS = 5_000;

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useTranslation();
  const dismiss = useToasts((state) => state.dismiss);
  useEffect(() => {
    if (toast.kind === 'error') return undefined;
    const timer = setTimeout(() => dismiss(toast.id), LIFETIME_MS);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  const Icon = ICONS[toast.kind];
  return (
    <li className={`toast toast--${toast.kind}`} role={toast.kind === 'error' ? 'alert' : undefined}>
      <Icon className="toast__icon" aria-hidden="true" />
      <span className="toast__message">{toast.message}</span>
      <button type="button" className="icon-button" onClick={() => dismiss(toast.id)} aria-label={t('toast.dismiss')}>
        <X aria-hidden="true" />
      </button>
    </li>
  );
}

/** Where notices appear; rendered once by the layout. */
export function ToastRegion() {
  const { t } = useTranslation();
  const toasts = useToasts((state) => state.toasts);
  return (
    <section className="toast-region" aria-label={t('toast.region')}>
      <ol className="toast-list" aria-live="polite">
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} />
        ))}
      </ol>
    </section>
  );
}

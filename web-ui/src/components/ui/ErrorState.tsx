import { TriangleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { userMessage } from '../../api/client';

interface ErrorStateProps {
  /** The caught error; shown as its user-facing sentence, never as a stack trace. */
  error: unknown;
  onRetry?: () => void;
  title?: string;
  /** While a retry is in flight. */
  retrying?: boolean;
}

/** A failed load: what happened, in words, and a way to try again. */
export function ErrorState({ error, onRetry, title, retrying = false }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <div className="error-state" role="alert">
      <TriangleAlert className="error-state__icon" aria-hidden="true" />
      <div>
        <p className="error-state__title">{title ?? t('states.errorTitle')}</p>
        <p className="error-state__text">{userMessage(error)}</p>
        {onRetry && (
          <button type="button" className="button button--secondary" onClick={onRetry} disabled={retrying} aria-busy={retrying}>
            {t('states.retry')}
          </button>
        )}
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';

/** A spinner with its text for screen readers (and, unless `compact`, on screen). */
export function Spinner({ label, compact = false }: { label?: string; compact?: boolean }) {
  const { t } = useTranslation();
  const text = label ?? t('states.loading');
  return (
    <span className="spinner" role="status">
      <span className="spinner__circle" aria-hidden="true" />
      <span className={compact ? 'visually-hidden' : 'spinner__label'}>{text}</span>
    </span>
  );
}

/** Grey placeholder blocks while content loads; announced once as "Cargando…". */
export function Skeleton({ lines = 3, height, label }: { lines?: number; height?: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton" role="status" aria-busy="true">
      <span className="visually-hidden">{label ?? t('states.loading')}</span>
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} className="skeleton__line" style={height ? { height } : undefined} aria-hidden="true" />
      ))}
    </div>
  );
}

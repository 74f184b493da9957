import { CircleCheck, CircleX, RefreshCw } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportLine, ImportReport } from './api';

const RESULT_ICONS = { created: CircleCheck, merged: RefreshCw, error: CircleX } as const;

function ResultBadge({ result }: { result: ImportLine['result'] }) {
  const { t } = useTranslation('leads');
  const Icon = RESULT_ICONS[result] ?? CircleX;
  return (
    <span className={`badge leads-import__badge leads-import__badge--${result}`}>
      <Icon className="badge__icon" aria-hidden="true" />
      {t(`importResult.results.${result}`)}
    </span>
  );
}

/**
 * What an import did: created / updated / rejected counts and one row per line, rejected ones with
 * the server's reasons (already in Spanish) and created or updated ones with a link to the lead.
 */
export function ImportResult({ report, onOpenLead }: { report: ImportReport; onOpenLead?: () => void }) {
  const { t } = useTranslation('leads');
  const toggleId = useId();
  const [onlyErrors, setOnlyErrors] = useState(report.failed > 0);
  const lines = onlyErrors ? report.lines.filter((line) => line.result === 'error') : report.lines;

  return (
    <section className="leads-import__result" aria-labelledby={`${toggleId}-title`}>
      <h3 id={`${toggleId}-title`} className="leads-import__title">
        {t('importResult.title')}
      </h3>
      <ul className="leads-import__counts" aria-label={t('importResult.counts')}>
        <li className="leads-import__count leads-import__count--created">{t('importResult.created', { count: report.created })}</li>
        <li className="leads-import__count leads-import__count--merged">{t('importResult.merged', { count: report.merged })}</li>
        <li className="leads-import__count leads-import__count--error">{t('importResult.failed', { count: report.failed })}</li>
      </ul>

      {report.lines.length === 0 ? (
        <p className="muted">{t('importResult.noLines')}</p>
      ) : (
        <>
          {report.failed === 0 ? (
            <p className="leads-import__ok">{t('importResult.allOk')}</p>
          ) : (
            <div className="leads-filters__check">
              <input id={toggleId} type="checkbox" checked={onlyErrors} onChange={(event) => setOnlyErrors(event.target.checked)} />
              <label htmlFor={toggleId}>{t('importResult.onlyErrors')}</label>
            </div>
          )}
          <div className="leads-import__scroll">
            <table className="leads-table leads-import__table">
              <caption className="visually-hidden">{t('importResult.lines')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('importResult.line')}</th>
                  <th scope="col">{t('importResult.result')}</th>
                  <th scope="col">{t('importResult.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.line}>
                    <th scope="row">{line.line}</th>
                    <td>
                      <ResultBadge result={line.result} />
                    </td>
                    <td>
                      {line.result === 'error' ? (
                        <ul className="leads-import__errors">
                          {(line.errors.length > 0 ? line.errors : [t('importResult.unknownError')]).map((error) => (
                            <li key={error}>{error}</li>
                          ))}
                        </ul>
                      ) : line.leadId ? (
                        <Link to={`/leads/${line.leadId}`} onClick={onOpenLead} aria-label={t('importResult.openLeadOfLine', { line: line.line })}>
                          {t('importResult.openLead')}
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

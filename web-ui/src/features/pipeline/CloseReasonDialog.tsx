import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ui';
import { CLOSE_REASONS, needsDetail, type ClosedStage, type CloseReasonCode } from './closeReasons';

export interface CloseChoice {
  closeReason: CloseReasonCode;
  /** The free text, trimmed; empty when none was given. */
  detail: string;
}

interface CloseReasonDialogProps {
  /** Open while a lead waits for its reason; null when closed. */
  request: { name: string; stage: ClosedStage } | null;
  onConfirm: (choice: CloseChoice) => void;
  onCancel: () => void;
}

const MAX_DETAIL = 2_000;

/** Asks why a lead is being closed as won or lost: a reason code and, optionally, a detail. */
export function CloseReasonDialog({ request, onConfirm, onCancel }: CloseReasonDialogProps) {
  const { t } = useTranslation('pipeline');
  const id = useId();
  const stage = request?.stage ?? 'lost';
  const codes = CLOSE_REASONS[stage];
  const [code, setCode] = useState<CloseReasonCode>(codes[0]);
  const [detail, setDetail] = useState('');

  // a fresh form for every lead
  useEffect(() => {
    if (request) {
      setCode(CLOSE_REASONS[request.stage][0]);
      setDetail('');
    }
  }, [request]);

  const missingDetail = needsDetail(code) && detail.trim() === '';
  const name = request?.name ?? '';
  return (
    <ConfirmDialog
      open={request !== null}
      title={stage === 'won' ? t('close.titleWon', { name }) : t('close.titleLost', { name })}
      description={t('close.description')}
      confirmLabel={stage === 'won' ? t('close.confirmWon') : t('close.confirmLost')}
      confirmDisabled={missingDetail}
      onConfirm={() => onConfirm({ closeReason: code, detail: detail.trim() })}
      onCancel={onCancel}
    >
      <fieldset className="close-reasons">
        <legend>{t('close.reason')}</legend>
        {codes.map((option) => (
          <label key={option} className="close-reasons__option">
            <input type="radio" name={`${id}-reason`} value={option} checked={code === option} onChange={() => setCode(option)} />
            {t(`close.reasons.${option}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-detail`}>{needsDetail(code) ? t('close.detail') : t('close.detailOptional')}</label>
        <textarea
          id={`${id}-detail`}
          className="textarea"
          rows={3}
          maxLength={MAX_DETAIL}
          value={detail}
          placeholder={t('close.detailPlaceholder')}
          required={needsDetail(code)}
          aria-describedby={missingDetail ? `${id}-hint` : undefined}
          onChange={(event) => setDetail(event.target.value)}
        />
        {missingDetail && (
          <p id={`${id}-hint`} className="field__hint muted">
            {t('close.detailRequired')}
          </p>
        )}
      </div>
    </ConfirmDialog>
  );
}

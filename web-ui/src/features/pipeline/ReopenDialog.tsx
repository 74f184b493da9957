import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ui';
import type { PipelineStage } from '../../api/types';

interface ReopenDialogProps {
  request: { name: string; from: PipelineStage; to: PipelineStage } | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** An admin confirms reopening a won or lost lead, optionally saying why. */
export function ReopenDialog({ request, onConfirm, onCancel }: ReopenDialogProps) {
  const { t } = useTranslation(['pipeline', 'common']);
  const id = useId();
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (request) setReason('');
  }, [request]);
  const name = request?.name ?? '';
  return (
    <ConfirmDialog
      open={request !== null}
      title={t('reopen.title', { name })}
      description={
        request ? t('reopen.description', { name, from: t(`common:stage.${request.from}`), to: t(`common:stage.${request.to}`) }) : undefined
      }
      confirmLabel={t('reopen.confirm')}
      onConfirm={() => onConfirm(reason.trim())}
      onCancel={onCancel}
    >
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('reopen.reason')}</label>
        <textarea id={`${id}-reason`} className="textarea" rows={2} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} />
      </div>
    </ConfirmDialog>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { userMessage } from '../../api/client';
import { notify } from '../../components/ui';
import { importLeads, leadKeys, type ImportReport } from './api';
import { ImportResult } from './ImportResult';
import { Modal } from './Modal';

/** "Importar CSV": pick a file, send it as text/csv, then show what happened to every line. */
export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('leads');
  const [busy, setBusy] = useState(false);
  return (
    <Modal open={open} title={t('import.title')} description={t('import.description')} onClose={onClose} busy={busy} wide>
      <ImportForm onClose={onClose} onBusy={setBusy} />
    </Modal>
  );
}

function ImportForm({ onClose, onBusy }: { onClose: () => void; onBusy: (busy: boolean) => void }) {
  const { t } = useTranslation('leads');
  const id = useId();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const upload = useMutation({
    mutationFn: (chosen: File) => importLeads(chosen),
    onMutate: () => onBusy(true),
    onSettled: () => onBusy(false),
    onSuccess: (result) => {
      setReport(result);
      if (result.created + result.merged > 0) void queryClient.invalidateQueries({ queryKey: leadKeys.all });
      // «1 rechazado», «2 rechazados»: the result view's plural-aware counts
      const summary = [
        t('importResult.created', { count: result.created }),
        t('importResult.merged', { count: result.merged }),
        t('importResult.failed', { count: result.failed }),
      ].join(', ');
      notify(t('import.done', { summary }), result.failed > 0 ? 'info' : 'success');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissing(true);
      return;
    }
    upload.mutate(file);
  };

  const again = () => {
    setReport(null);
    setFile(null);
    setInputKey((key) => key + 1);
    upload.reset();
  };

  if (report) {
    return (
      <>
        <ImportResult report={report} onOpenLead={onClose} />
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={again}>
            {t('import.again')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('import.close')}
          </button>
        </div>
      </>
    );
  }

  const busy = upload.isPending;
  const error = missing ? t('import.chooseFile') : upload.isError ? userMessage(upload.error) : null;
  return (
    <form className="leads-form" onSubmit={submit} noValidate>
      <p className="muted leads-form__note">{t('import.mergeNote')}</p>
      <div className="field">
        <label htmlFor={id}>{t('import.file')}</label>
        <input
          key={inputKey}
          id={id}
          type="file"
          accept=".csv,text/csv"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setMissing(false);
            upload.reset();
          }}
          disabled={busy}
        />
        <span id={`${id}-hint`} className="leads-field__hint muted">
          {t('import.fileHint')}
        </span>
        {error && (
          <span id={`${id}-error`} className="leads-field__error" role="alert">
            {error}
          </span>
        )}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
          {t('edit.cancel')}
        </button>
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {busy ? t('import.importing') : t('import.submit')}
        </button>
      </div>
    </form>
  );
}

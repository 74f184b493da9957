import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Money } from '../../api/types';
import { notify } from '../../components/ui';
import { createLead, leadKeys, type NewLead, type StaffUser } from './api';
import { fieldProblem } from './errors';
import { Modal } from './Modal';
import { parseAmount } from './money';
import { leadLabel } from './LeadsTable';

interface Props {
  open: boolean;
  onClose: () => void;
  manager: boolean;
  assignable: readonly StaffUser[];
}

type Field = 'name' | 'phone' | 'email' | 'location' | 'budget';

function TextField({
  name,
  label,
  type = 'text',
  hint,
  error,
  value,
  onChange,
  autoComplete,
}: {
  name: Field;
  label: string;
  type?: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete?: string;
}) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <span id={`${id}-hint`} className="leads-field__hint muted">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="leads-field__error">
          {error}
        </span>
      )}
    </div>
  );
}

/** "Nuevo lead": contact data, comuna and budget; the server's objections appear next to each field. */
export function CreateLeadDialog({ open, onClose, manager, assignable }: Props) {
  const { t } = useTranslation('leads');
  return (
    <Modal open={open} title={t('create.title')} description={t('create.description')} onClose={onClose}>
      <CreateLeadForm onClose={onClose} manager={manager} assignable={assignable} />
    </Modal>
  );
}

function CreateLeadForm({ onClose, manager, assignable }: Omit<Props, 'open'>) {
  const { t } = useTranslation('leads');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const currencyId = useId();
  const assigneeId = useId();
  const [values, setValues] = useState<Record<Field, string>>({ name: '', phone: '', email: '', location: '', budget: '' });
  const [currency, setCurrency] = useState<Money['currency']>('UF');
  const [assignee, setAssignee] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: createLead,
    onSuccess: (lead) => {
      void queryClient.invalidateQueries({ queryKey: leadKeys.all });
      notify(t('create.created', { name: leadLabel(lead, t('table.unnamed')) }));
      onClose();
      void navigate(`/leads/${lead.id}`);
    },
    onError: (error) => {
      const problem = fieldProblem(error);
      if (problem.field && problem.field in values) {
        setErrors({ [problem.field]: problem.message });
        setFormError(null);
      } else {
        setErrors({});
        setFormError(problem.message);
      }
    },
  });

  const set = (field: Field) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim()])) as Record<Field, string>;
    if (!trimmed.name && !trimmed.phone && !trimmed.email) {
      setErrors({ name: t('create.needContact') });
      return;
    }
    let budget: Money | undefined;
    if (trimmed.budget) {
      const amount = parseAmount(trimmed.budget, currency);
      if (amount === null) {
        setErrors({ budget: t('create.budgetInvalid') });
        return;
      }
      budget = { amount, currency };
    }
    const lead: NewLead = {
      ...(trimmed.name && { name: trimmed.name }),
      ...(trimmed.phone && { phone: trimmed.phone }),
      ...(trimmed.email && { email: trimmed.email }),
      ...(manager && assignee && { assignedTo: assignee }),
    };
    if (trimmed.location || budget) {
      lead.facts = { ...(trimmed.location && { location: trimmed.location }), ...(budget && { budget }) };
    }
    setFormError(null);
    create.mutate(lead);
  };

  const busy = create.isPending;
  return (
    <form className="leads-form" onSubmit={submit} noValidate>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <TextField name="name" label={t('create.name')} value={values.name} onChange={set('name')} error={errors.name} autoComplete="off" />
      <div className="leads-form__pair">
        <TextField name="phone" type="tel" label={t('create.phone')} hint={t('create.phoneHint')} value={values.phone} onChange={set('phone')} error={errors.phone} autoComplete="off" />
        <TextField name="email" type="email" label={t('create.email')} value={values.email} onChange={set('email')} error={errors.email} autoComplete="off" />
      </div>
      <TextField name="location" label={t('create.location')} value={values.location} onChange={set('location')} error={errors.location} />
      <div className="leads-form__pair leads-form__pair--money">
        <TextField name="budget" label={t('create.budget')} value={values.budget} onChange={set('budget')} error={errors.budget} />
        <div className="field">
          <label htmlFor={currencyId}>{t('create.currency')}</label>
          <select id={currencyId} className="select" value={currency} onChange={(event) => setCurrency(event.target.value as Money['currency'])}>
            <option value="UF">UF</option>
            <option value="CLP">CLP ($)</option>
          </select>
        </div>
      </div>
      {manager ? (
        <div className="field">
          <label htmlFor={assigneeId}>{t('create.assignee')}</label>
          <select id={assigneeId} className="select" value={assignee} onChange={(event) => setAssignee(event.target.value)}>
            <option value="">{t('assignment.nobody')}</option>
            {assignable.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="muted leads-form__note">{t('create.assigneeSelf')}</p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
          {t('edit.cancel')}
        </button>
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {busy ? t('create.creating') : t('create.submit')}
        </button>
      </div>
    </form>
  );
}

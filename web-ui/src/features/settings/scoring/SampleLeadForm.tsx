import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadFacts, Money } from '../../../api/types';
import type { SampleLead } from '../api';
import { TextField } from '../components';

/** A realistic lead to try the weights on. */
export const DEFAULT_SAMPLE: SampleLead = {
  name: 'Camila Fuentes',
  phone: '+56 9 8765 4321',
  facts: {
    location: 'Ñuñoa',
    operation: 'buy',
    propertyType: 'apartment',
    bedrooms: 2,
    budget: { amount: 4500, currency: 'UF' },
    monthlyIncome: { amount: 1_800_000, currency: 'CLP' },
    dicomStatus: 'clean',
    timeline: '30_days',
  },
};

const OPERATIONS = ['buy', 'rent'] as const;
const PROPERTY_TYPES = ['apartment', 'house', 'office', 'land', 'other'] as const;
const DICOM = ['clean', 'has_debt', 'unknown'] as const;
const TIMELINES = ['immediate', '30_days', '90_days', 'just_looking'] as const;
const FINANCING = ['mortgage', 'cash', 'subsidy', 'unknown'] as const;

function EnumSelect({ label, value, options, onChange }: { label: string; value: string | undefined; options: readonly { value: string; label: string }[]; onChange: (value: string | undefined) => void }) {
  const { t } = useTranslation('settings');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
        <option value="">{t('scoring.sample.unknown')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const toNumber = (text: string): number | undefined => {
  const digits = text.replace(/[^\d]/g, '');
  return digits ? Number(digits) : undefined;
};

/** The editable facts of the sample lead (nothing is saved). */
export function SampleLeadForm({ sample, onChange }: { sample: SampleLead; onChange: (sample: SampleLead) => void }) {
  const { t } = useTranslation('settings');
  const facts = sample.facts;
  const setFact = <K extends keyof LeadFacts>(key: K, value: LeadFacts[K] | undefined) => {
    const next: LeadFacts = { ...facts };
    if (value === undefined) delete next[key];
    else next[key] = value;
    onChange({ ...sample, facts: next });
  };
  const setContact = (key: 'name' | 'phone' | 'email', value: string) => onChange({ ...sample, [key]: value || undefined });
  const money = (key: 'budget' | 'monthlyIncome' | 'debtAmount', amount: number | undefined, currency: Money['currency']) =>
    setFact(key, amount === undefined ? undefined : { amount, currency });
  const options = <V extends string>(values: readonly V[], group: 'operation' | 'propertyType' | 'dicom' | 'timeline' | 'financing') =>
    values.map((value) => ({ value, label: t(`scoring.values.${group}.${value}` as 'scoring.values.operation.buy') }));
  const budgetCurrency = facts.budget?.currency ?? 'UF';

  return (
    <fieldset className="sample-form">
      <legend>{t('scoring.sample.legend')}</legend>
      <div className="form-row form-row--3">
        <TextField label={t('scoring.fields.name')} value={sample.name ?? ''} onChange={(value) => setContact('name', value)} />
        <TextField label={t('scoring.fields.phone')} value={sample.phone ?? ''} onChange={(value) => setContact('phone', value)} type="tel" />
        <TextField label={t('scoring.fields.email')} value={sample.email ?? ''} onChange={(value) => setContact('email', value)} type="email" />
      </div>
      <div className="form-row form-row--3">
        <TextField label={t('scoring.fields.location')} value={facts.location ?? ''} onChange={(value) => setFact('location', value || undefined)} />
        <EnumSelect label={t('scoring.fields.operation')} value={facts.operation} options={options(OPERATIONS, 'operation')} onChange={(value) => setFact('operation', value)} />
        <EnumSelect label={t('scoring.fields.property_type')} value={facts.propertyType} options={options(PROPERTY_TYPES, 'propertyType')} onChange={(value) => setFact('propertyType', value)} />
      </div>
      <div className="form-row form-row--3">
        <TextField label={t('scoring.fields.bedrooms')} value={facts.bedrooms?.toString() ?? ''} onChange={(value) => setFact('bedrooms', toNumber(value))} inputMode="numeric" />
        <div className="field money-field">
          <TextField
            label={t('scoring.sample.budgetIn', { currency: budgetCurrency })}
            value={facts.budget?.amount.toString() ?? ''}
            onChange={(value) => money('budget', toNumber(value), budgetCurrency)}
            inputMode="numeric"
          />
          <div className="money-field__currency" role="group" aria-label={t('scoring.sample.currency')}>
            {(['UF', 'CLP'] as const).map((currency) => (
              <button
                key={currency}
                type="button"
                className={`chip${budgetCurrency === currency ? ' chip--on' : ''}`}
                aria-pressed={budgetCurrency === currency}
                onClick={() => money('budget', facts.budget?.amount ?? (currency === 'UF' ? 4000 : 150_000_000), currency)}
              >
                {currency}
              </button>
            ))}
          </div>
        </div>
        <EnumSelect label={t('scoring.fields.timeline')} value={facts.timeline} options={options(TIMELINES, 'timeline')} onChange={(value) => setFact('timeline', value)} />
      </div>
      <div className="form-row form-row--3">
        <TextField label={t('scoring.sample.incomeClp')} value={facts.monthlyIncome?.amount.toString() ?? ''} onChange={(value) => money('monthlyIncome', toNumber(value), 'CLP')} inputMode="numeric" />
        <EnumSelect label={t('scoring.fields.dicom_status')} value={facts.dicomStatus} options={options(DICOM, 'dicom')} onChange={(value) => setFact('dicomStatus', value)} />
        <TextField label={t('scoring.sample.debtClp')} value={facts.debtAmount?.amount.toString() ?? ''} onChange={(value) => money('debtAmount', toNumber(value), 'CLP')} inputMode="numeric" />
      </div>
      <div className="form-row form-row--3">
        <EnumSelect label={t('scoring.fields.financing')} value={facts.financing} options={options(FINANCING, 'financing')} onChange={(value) => setFact('financing', value)} />
        <TextField
          label={t('scoring.fields.interest_level')}
          value={facts.interestLevel?.toString() ?? ''}
          onChange={(value) => {
            const level = toNumber(value);
            setFact('interestLevel', level === undefined ? undefined : Math.min(10, Math.max(1, level)));
          }}
          inputMode="numeric"
        />
      </div>
    </fieldset>
  );
}

import { Lock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Lead, LeadFacts, Money } from '../../../api/types';
import { notify } from '../../../components/ui';
import { useFormat } from '../../../i18n/format';
import type { LeadPatch } from '../api';
import { InlineField, type FieldSpec, type FieldValue } from './InlineField';

/** Facts only ADMINs and the assigned agent see (`sensitiveFactsHidden` otherwise). */
export const SENSITIVE_FACTS = ['monthlyIncome', 'dicomStatus', 'debtAmount'] as const;

const ENUM_FACTS = {
  operation: ['buy', 'rent'],
  propertyType: ['house', 'apartment', 'office', 'land', 'other'],
  dicomStatus: ['clean', 'has_debt', 'unknown'],
  timeline: ['immediate', '30_days', '90_days', 'just_looking'],
  financing: ['mortgage', 'cash', 'subsidy', 'unknown'],
} as const;
type EnumFact = keyof typeof ENUM_FACTS;

const FACT_ORDER: (keyof LeadFacts)[] = [
  'location',
  'operation',
  'propertyType',
  'bedrooms',
  'bathrooms',
  'parking',
  'budget',
  'financing',
  'timeline',
  'interestLevel',
  'monthlyIncome',
  'dicomStatus',
  'debtAmount',
];

const isEnumFact = (key: string): key is EnumFact => key in ENUM_FACTS;

interface Props {
  lead: Lead;
  editable: boolean;
  save: (patch: LeadPatch) => Promise<unknown>;
}

/** The lead's contact data and facts, each editable in place (PATCH with null to clear). */
export function FactsCard({ lead, editable, save }: Props) {
  const { t } = useTranslation('leads');
  const format = useFormat();
  const unknown = t('facts.unknown');

  const spec = (key: keyof LeadFacts): FieldSpec => {
    if (isEnumFact(key)) {
      return { kind: 'enum', options: ENUM_FACTS[key].map((value) => ({ value, label: t(`facts.values.${key}.${value}` as 'facts.values.operation.buy') })) };
    }
    switch (key) {
      case 'bedrooms':
      case 'bathrooms':
      case 'parking':
        return { kind: 'int', min: 0, max: 20 };
      case 'interestLevel':
        return { kind: 'int', min: 1, max: 10 };
      case 'budget':
        return { kind: 'money' };
      case 'monthlyIncome':
      case 'debtAmount':
        return { kind: 'money', currency: 'CLP' };
      default:
        return { kind: 'text' };
    }
  };

  const display = (key: keyof LeadFacts, value: FieldValue | undefined): string => {
    if (value === undefined) return unknown;
    if (typeof value === 'object') return format.money(value);
    if (isEnumFact(key)) return t(`facts.values.${key}.${String(value)}` as 'facts.values.operation.buy', { defaultValue: String(value) });
    if (typeof value === 'number') return format.number(value);
    return value;
  };

  const saveContact = (field: 'name' | 'phone' | 'email', label: string) => async (value: FieldValue | null) => {
    await save({ [field]: value === null ? null : String(value) });
    notify(value === null ? t('edit.cleared', { field: label }) : t('edit.saved', { field: label }));
  };
  const saveFact = (key: keyof LeadFacts, label: string) => async (value: FieldValue | null) => {
    await save({ facts: { [key]: value } as LeadPatch['facts'] });
    notify(value === null ? t('edit.cleared', { field: label }) : t('edit.saved', { field: label }));
  };

  return (
    <section className="card lead-card" aria-labelledby="lead-facts-title">
      <h2 id="lead-facts-title" className="lead-card__title">
        {t('facts.title')}
      </h2>
      <h3 className="lead-card__subtitle">{t('contact.title')}</h3>
      <dl className="lead-facts">
        {(['name', 'phone', 'email'] as const).map((field) => {
          const label = t(`contact.${field}`);
          return (
            <InlineField
              key={field}
              label={label}
              value={lead[field]}
              display={lead[field] ?? unknown}
              spec={{ kind: field === 'phone' ? 'tel' : field === 'email' ? 'email' : 'text' }}
              editable={editable}
              onSave={saveContact(field, label)}
            />
          );
        })}
      </dl>
      <h3 className="lead-card__subtitle">{t('facts.title')}</h3>
      <dl className="lead-facts">
        {FACT_ORDER.map((key) => {
          const label = t(`facts.${key}`);
          const hidden = lead.sensitiveFactsHidden && (SENSITIVE_FACTS as readonly string[]).includes(key);
          if (hidden) {
            return (
              <div key={key} className="lead-fact">
                <dt className="lead-fact__label">{label}</dt>
                <dd className="lead-fact__value muted">
                  <Lock className="lead-fact__lock" aria-hidden="true" />
                  {t('facts.hidden')}
                </dd>
              </div>
            );
          }
          const value = (lead.facts[key] ?? undefined) as FieldValue | undefined;
          return (
            <InlineField
              key={key}
              label={label}
              value={value as string | number | Money | undefined}
              display={display(key, value)}
              spec={spec(key)}
              editable={editable}
              onSave={saveFact(key, label)}
            />
          );
        })}
      </dl>
      {lead.sensitiveFactsHidden && <p className="muted lead-card__note">{t('facts.hiddenNote')}</p>}
    </section>
  );
}

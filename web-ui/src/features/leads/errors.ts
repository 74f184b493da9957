import { userMessage } from '../../api/client';
import { ApiError } from '../../api/problem';
import { i18n } from '../../i18n';

/**
 * Where a rejected lead write went wrong, so forms can show the sentence next to the field. The API
 * names the field in `errors[]` when it can, else in its code (`lead.phone_invalid`) or at the start
 * of its Spanish detail (`facts.budget debe ser…`).
 */
export interface FieldProblem {
  /** `name`, `phone`, `email`, `notes` or a fact key (`budget`, `location`…); absent when unknown. */
  field?: string;
  message: string;
}

const t = i18n.getFixedT(null, 'leads');

export const LEAD_FIELDS = [
  'name', 'phone', 'email', 'notes', 'tags', 'assignedTo',
  'location', 'operation', 'propertyType', 'bedrooms', 'bathrooms', 'parking', 'budget',
  'monthlyIncome', 'dicomStatus', 'debtAmount', 'timeline', 'interestLevel', 'financing',
] as const;

const FIELD_PREFIX = new RegExp(`^(?:facts\\.)?(${LEAD_FIELDS.join('|')})(?:\\.[a-zA-Z]+)?(?::|\\s)`);

/** The field a path like `facts.budget.currency` or `phone` names. */
const fieldOfPath = (path: string): string => path.replace(/^facts\./, '').split('.')[0]!;

/**
 * The sentence without the field name it starts with, since it is shown next to that field:
 * "phone no es un teléfono válido…" → "No es un teléfono válido…".
 */
export function withoutFieldName(message: string): string {
  const match = FIELD_PREFIX.exec(message);
  if (!match) return message;
  const rest = message.slice(match[0].length).replace(/^[:\s]+/, '');
  return rest ? rest.charAt(0).toLocaleUpperCase('es') + rest.slice(1) : message;
}

export function fieldProblem(error: unknown): FieldProblem {
  if (!(error instanceof ApiError)) return { message: userMessage(error) };
  const first = error.fieldErrors[0];
  if (first) return { field: fieldOfPath(first.field), message: i18n.language === 'es' ? first.message : error.message };
  switch (error.code) {
    case 'lead.phone_invalid':
      return { field: 'phone', message: withoutFieldName(error.message) };
    case 'lead.email_invalid':
      return { field: 'email', message: withoutFieldName(error.message) };
    case 'lead.identity_taken': {
      // the detail names the channel ("…con ese teléfono."; older servers said it in English)
      const detail = error.problem?.detail ?? '';
      if (/tel[eé]fono|phone|whatsapp|telegram/i.test(detail)) return { field: 'phone', message: t('errors.identityTakenPhone') };
      if (/correo|e-?mail/i.test(detail)) return { field: 'email', message: t('errors.identityTakenEmail') };
      return { message: t('errors.identityTaken') };
    }
    default:
      break;
  }
  if (error.status === 400) {
    const match = FIELD_PREFIX.exec(error.problem?.detail ?? '');
    if (match) return { field: match[1], message: withoutFieldName(error.message) };
  }
  return { message: error.message };
}

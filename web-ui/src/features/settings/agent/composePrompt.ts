import type { LeadField, PromptConfigRequest } from '../api';
import { CONVERSATION_SYSTEM_TEMPLATE } from './promptTemplate';

/**
 * The system prompt the conversation agent gets, rendered in the browser the way the server's
 * `ConversationPrompt.turn` does (adapters-llm), for a brand-new lead the agent knows nothing about.
 * Labels are the server's (`prompts/labels.properties`): the prompt is always in Spanish.
 */

const LABELS = {
  none: '(sin indicaciones adicionales)',
  factsNone: 'Aún no sabemos nada del lead.',
  bookingEnabled:
    'Si el lead quiere visitar una propiedad, dile que una persona del equipo le confirmará día y hora; no propongas horarios.',
  bookingDisabled: 'No agendes visitas: si el lead quiere visitar, dile que una persona del equipo lo contactará.',
  nextIntro:
    'Si la conversación lo permite, pregunta por estos datos en este orden, como máximo dos y saltando los que el lead entregue en este mismo turno:',
  nextNone:
    'No falta ningún dato clave: no hagas preguntas de calificación; si corresponde, dile que el equipo coordinará los siguientes pasos.',
} as const;

export const FIELD_LABELS: Record<LeadField, string> = {
  name: 'nombre',
  phone: 'teléfono',
  email: 'correo',
  location: 'comuna o ciudad',
  operation: 'operación',
  property_type: 'tipo de propiedad',
  bedrooms: 'dormitorios',
  bathrooms: 'baños',
  parking: 'estacionamientos',
  budget: 'presupuesto',
  monthly_income: 'renta mensual',
  dicom_status: 'situación en DICOM',
  debt_amount: 'monto de deudas',
  timeline: 'plazo',
  interest_level: 'nivel de interés (1 a 10)',
  financing: 'forma de pago',
};

const FIELD_NAMES: readonly LeadField[] = [
  'name',
  'phone',
  'email',
  'location',
  'operation',
  'property_type',
  'bedrooms',
  'bathrooms',
  'parking',
  'budget',
  'monthly_income',
  'dicom_status',
  'debt_amount',
  'timeline',
  'interest_level',
  'financing',
];
const INTENTS = ['greeting', 'property_search', 'visit', 'financing_question', 'human_request', 'opt_out', 'off_topic', 'other'];
const SCHEMA_NAME = 'turno_agente';
/** The agent is told at most this many missing fields (ConversationService.NEXT_FIELDS). */
export const NEXT_FIELDS = 4;

const orNone = (text: string | undefined | null) => (text && text.trim() ? text.trim() : LABELS.none);

function nextFields(priority: readonly LeadField[]): string {
  const next = priority.slice(0, NEXT_FIELDS);
  if (next.length === 0) return LABELS.nextNone;
  return `${LABELS.nextIntro} ${next.map((field) => FIELD_LABELS[field]).join(', ')}.`;
}

/** The pieces of the prompt that come from the broker's settings, marked for highlighting. */
export interface PromptPart {
  text: string;
  /** Set on text that comes from the broker's settings (the rest is the fixed template). */
  setting?: 'agentName' | 'identityPrompt' | 'businessContext' | 'agentRules' | 'booking' | 'nextFields';
}

/**
 * The composed prompt as parts: template text and the broker's values, in order. `fieldPriority`
 * is the lead config's (what the agent asks first); without it the "what to ask" line says so.
 */
export function composePromptParts(prompt: PromptConfigRequest, fieldPriority: readonly LeadField[] | undefined): PromptPart[] {
  const values: Record<string, PromptPart> = {
    agent_name: { text: prompt.agentName.trim(), setting: 'agentName' },
    identity: { text: orNone(prompt.identityPrompt), setting: 'identityPrompt' },
    business_context: { text: orNone(prompt.businessContext), setting: 'businessContext' },
    broker_rules: { text: orNone(prompt.agentRules), setting: 'agentRules' },
    booking: { text: prompt.enableAppointmentBooking ? LABELS.bookingEnabled : LABELS.bookingDisabled, setting: 'booking' },
    known_facts: { text: LABELS.factsNone },
    next_fields: { text: fieldPriority ? nextFields(fieldPriority) : '…', setting: 'nextFields' },
    schema_name: { text: SCHEMA_NAME },
    field_names: { text: FIELD_NAMES.join(', ') },
    intents: { text: INTENTS.join(', ') },
  };
  const parts: PromptPart[] = [];
  const template = CONVERSATION_SYSTEM_TEMPLATE.trim();
  const placeholder = /\{\{([a-z_]+)\}\}/g;
  let last = 0;
  for (const match of template.matchAll(placeholder)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ text: template.slice(last, index) });
    const value = values[match[1] ?? ''];
    parts.push(value ?? { text: match[0] });
    last = index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** The composed prompt as one text. */
export const composePrompt = (prompt: PromptConfigRequest, fieldPriority: readonly LeadField[] | undefined): string =>
  composePromptParts(prompt, fieldPriority)
    .map((part) => part.text)
    .join('');

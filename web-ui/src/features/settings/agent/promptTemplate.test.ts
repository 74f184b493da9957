import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { composePrompt } from './composePrompt';
import { CONVERSATION_SYSTEM_TEMPLATE } from './promptTemplate';

const SERVER_TEMPLATE = resolve(__dirname, '../../../../../adapters-llm/src/main/resources/prompts/conversation-system.txt');

describe('the conversation prompt preview', () => {
  it('uses the server’s template as it is (update promptTemplate.ts when this fails)', () => {
    expect(CONVERSATION_SYSTEM_TEMPLATE).toBe(readFileSync(SERVER_TEMPLATE, 'utf8'));
  });

  it('fills every placeholder the way ConversationPrompt does', () => {
    const prompt = composePrompt(
      { agentName: ' Martina ', identityPrompt: 'Cercana y experta en Ñuñoa.', businessContext: '', agentRules: undefined, language: 'es-CL', enableAppointmentBooking: false },
      ['name', 'operation', 'location', 'budget', 'phone'],
    );
    expect(prompt).not.toMatch(/\{\{/);
    expect(prompt.startsWith('Eres Martina, la asistente virtual')).toBe(true);
    expect(prompt).toContain('## Quién eres para esta corredora\nCercana y experta en Ñuñoa.\n');
    expect(prompt).toContain('## Contexto del negocio\n(sin indicaciones adicionales)\n');
    expect(prompt).toContain('No agendes visitas: si el lead quiere visitar');
    expect(prompt).toContain('pregunta por estos datos en este orden, como máximo dos y saltando los que el lead entregue en este mismo turno: nombre, operación, comuna o ciudad, presupuesto.');
    expect(prompt).toContain('Aún no sabemos nada del lead.');
    expect(prompt).toContain('"field" (uno de: name, phone, email, location, operation, property_type, bedrooms, bathrooms, parking, budget, monthly_income, dicom_status, debt_amount, timeline, interest_level, financing)');
    expect(prompt).toContain('"intent": uno de greeting, property_search, visit, financing_question, human_request, opt_out, off_topic, other.');
    expect(prompt).toContain('según el esquema "turno_agente"');
  });
});

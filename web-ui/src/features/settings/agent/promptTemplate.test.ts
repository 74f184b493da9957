import { describe, expect, it } from 'vitest';
import { composePrompt } from './composePrompt';
import { CONVERSATION_SYSTEM_TEMPLATE } from './promptTemplate';

/** The server's own file, read from the repository (Vitest runs in Node, from web-ui/). */
async function serverTemplate(): Promise<string> {
  const fs = (await import(/* @vite-ignore */ 'node:fs' as string)) as { readFileSync: (path: string, encoding: 'utf8') => string };
  const cwd = (globalThis as unknown as { process: { cwd: () => string } }).process.cwd();
  return fs.readFileSync(`${cwd}/../adapters-llm/src/main/resources/prompts/conversation-system.txt`, 'utf8');
}

describe('the conversation prompt preview', () => {
  it('uses the server’s template as it is (update promptTemplate.ts when this fails)', async () => {
    expect(CONVERSATION_SYSTEM_TEMPLATE).toBe(await serverTemplate());
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

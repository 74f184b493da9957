/** The widget's texts: Spanish (es-CL, «tú») by default, English with `data-lang="en"`. */
export interface WidgetTexts {
  open: (agent: string) => string;
  close: string;
  title: (agent: string) => string;
  subtitle: string;
  typing: (agent: string) => string;
  connecting: string;
  empty: (agent: string) => string;
  inputLabel: string;
  placeholder: string;
  send: string;
  retry: string;
  failed: string;
  unavailable: string;
  connectError: string;
  you: string;
  unread: string;
  poweredBy: string;
  tooLong: (max: number) => string;
}

const es: WidgetTexts = {
  open: (agent) => `Abrir el chat con ${agent}`,
  close: 'Cerrar el chat',
  title: (agent) => `Chat con ${agent}`,
  subtitle: 'Te respondemos en minutos',
  typing: (agent) => `${agent} está escribiendo…`,
  connecting: 'Conectando…',
  empty: (agent) => `¡Hola! Soy ${agent}. Cuéntame qué propiedad buscas y te ayudo.`,
  inputLabel: 'Escribe tu mensaje',
  placeholder: 'Escribe tu mensaje…',
  send: 'Enviar',
  retry: 'Reintentar',
  failed: 'No se pudo enviar.',
  unavailable: 'El chat no está disponible en este momento. Intenta más tarde.',
  connectError: 'No pudimos conectar con el chat. Revisa tu conexión.',
  you: 'Tú',
  unread: 'Mensaje nuevo',
  poweredBy: 'Chat con tecnología de Inmo',
  tooLong: (max) => `Tu mensaje es muy largo (máximo ${max} caracteres).`,
};

const en: WidgetTexts = {
  open: (agent) => `Open the chat with ${agent}`,
  close: 'Close the chat',
  title: (agent) => `Chat with ${agent}`,
  subtitle: 'We reply within minutes',
  typing: (agent) => `${agent} is typing…`,
  connecting: 'Connecting…',
  empty: (agent) => `Hi! I'm ${agent}. Tell me which property you are looking for and I'll help.`,
  inputLabel: 'Write your message',
  placeholder: 'Write your message…',
  send: 'Send',
  retry: 'Retry',
  failed: 'Could not be sent.',
  unavailable: 'The chat is not available right now. Please try again later.',
  connectError: 'We could not connect to the chat. Check your connection.',
  you: 'You',
  unread: 'New message',
  poweredBy: 'Chat powered by Inmo',
  tooLong: (max) => `Your message is too long (at most ${max} characters).`,
};

export function widgetTexts(lang: string | null | undefined): WidgetTexts {
  return lang?.toLowerCase().startsWith('en') ? en : es;
}

import { defineMessages } from '../../i18n/types';

export const authMessages = defineMessages({
  es: {
    title: 'Iniciar sesión',
    intro: 'Ingresa con el correo y la contraseña de tu corredora.',
    email: 'Correo electrónico',
    password: 'Contraseña',
    submit: 'Ingresar',
    submitting: 'Ingresando…',
    errors: {
      unavailable: 'El inicio de sesión aún no está disponible en este servidor.',
      invalid: 'Revisa el correo y la contraseña ingresados.',
      credentials: 'Correo o contraseña incorrectos.',
      forbidden: 'Tu cuenta no tiene acceso. Contacta a un administrador.',
      tooMany: 'Demasiados intentos. Espera un momento y vuelve a intentarlo.',
      server: 'El servidor no pudo procesar el inicio de sesión. Inténtalo de nuevo en unos minutos.',
      status: 'No se pudo iniciar sesión (código {{status}}).',
      unexpected: 'El servidor respondió de forma inesperada. Inténtalo de nuevo.',
      generic: 'No se pudo iniciar sesión. Inténtalo de nuevo.',
    },
  },
  en: {
    title: 'Sign in',
    intro: "Use your brokerage's e-mail and password.",
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    errors: {
      unavailable: 'Signing in is not available on this server yet.',
      invalid: 'Check the e-mail and password you entered.',
      credentials: 'Wrong e-mail or password.',
      forbidden: 'Your account has no access. Contact an administrator.',
      tooMany: 'Too many attempts. Wait a moment and try again.',
      server: 'The server could not process the sign-in. Try again in a few minutes.',
      status: 'Could not sign in (code {{status}}).',
      unexpected: 'The server answered unexpectedly. Try again.',
      generic: 'Could not sign in. Try again.',
    },
  },
});

declare module 'i18next' {
  interface ResourceNamespaceMap {
    auth: typeof authMessages.es;
  }
}

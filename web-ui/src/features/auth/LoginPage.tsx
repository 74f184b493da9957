import { Info } from 'lucide-react';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { setLanguage } from '../../i18n';
import { LANGUAGES, type Language } from '../../i18n/types';
import { selectIsAuthenticated, useAuthStore } from '../../stores/auth';
import { LoginForm } from './LoginForm';

/** Where a signed-in user goes: back where the login interrupted them, else the overview. */
function destination(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login' ? from : '/';
}

/** The signed-out page: sign-in form, the reason a session ended, language choice. */
export function LoginPage() {
  const { t, i18n } = useTranslation(['auth', 'common']);
  const signedIn = useAuthStore(selectIsAuthenticated);
  const notice = useAuthStore((state) => state.notice);
  const location = useLocation();
  const languageId = useId();

  useEffect(() => {
    document.title = `${t('title')} · Inmo`;
  }, [t]);

  if (signedIn) return <Navigate to={destination(location.state)} replace />;

  return (
    <div className="login">
      <main id="main" className="login__main">
        <div className="login__brand">
          <svg className="brand__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="6" />
            <path d="M6 17 16 8l10 9v9H6z" />
          </svg>
          <span className="brand__name">Inmo</span>
        </div>
        <section className="card login__card" aria-labelledby="login-title">
          <h1 id="login-title">{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
          {notice && (
            <p className="notice" role="status">
              <Info className="notice__icon" aria-hidden="true" />
              {notice}
            </p>
          )}
          <LoginForm />
        </section>
        <div className="login__language">
          <label htmlFor={languageId}>{t('common:header.language')}</label>
          <select id={languageId} className="select select--compact" value={i18n.language} onChange={(event) => void setLanguage(event.target.value as Language)}>
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`common:languages.${language}`)}
              </option>
            ))}
          </select>
        </div>
      </main>
      <footer className="app-footer muted">{t('common:app.footer')}</footer>
    </div>
  );
}

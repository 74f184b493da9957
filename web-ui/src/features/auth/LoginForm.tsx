import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuthStore } from '../../stores/auth';

/** Email + password sign-in against POST /api/v1/auth/login. */
export function LoginForm() {
  const { t } = useTranslation('auth');
  const signIn = useAuthStore((state) => state.signIn);
  const clearError = useAuthStore((state) => state.clearError);
  const submitting = useAuthStore((state) => state.status === 'submitting');
  const error = useAuthStore((state) => state.error);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const id = useId();
  const errorId = `${id}-error`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = await signIn({ email: email.trim(), password });
    if (ok) setPassword('');
  };

  const onChange = (setter: (value: string) => void) => (value: string) => {
    setter(value);
    if (error) clearError();
  };

  return (
    <form className="form" onSubmit={onSubmit} aria-describedby={error ? errorId : undefined}>
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('email')}</label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={email}
          onChange={(event) => onChange(setEmail)(event.target.value)}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('password')}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => onChange(setPassword)(event.target.value)}
          aria-invalid={error ? true : undefined}
        />
      </div>
      {error && (
        <p id={errorId} role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" className="button button--block" disabled={submitting} aria-busy={submitting}>
        {submitting ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}

import { selectIsAuthenticated, useAuthStore } from '../stores/auth';

export function Header() {
  const signedIn = useAuthStore(selectIsAuthenticated);
  const user = useAuthStore((state) => state.user);
  const signOut = useAuthStore((state) => state.signOut);

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <a className="brand" href="/" aria-label="Inmo, inicio">
          <svg className="brand__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="6" />
            <path d="M6 17 16 8l10 9v9H6z" />
          </svg>
          <span className="brand__name">Inmo</span>
        </a>
        {signedIn && (
          <div className="app-header__user">
            {user && <span className="app-header__email">{user.email}</span>}
            <button type="button" className="button button--ghost button--on-dark" onClick={signOut}>
              Cerrar sesión
            </button>
          </div>
        )}
      </div>
    </header>
  );
}

import { Header } from './components/Header';
import { LoginForm } from './components/LoginForm';
import { StatusPanel } from './components/StatusPanel';
import { selectIsAuthenticated, useAuthStore } from './stores/auth';

function Welcome() {
  const user = useAuthStore((state) => state.user);
  return (
    <section className="card" aria-labelledby="welcome-title">
      <h1 id="welcome-title">Hola{user?.name ? `, ${user.name}` : ''}</h1>
      <p className="muted">Sesión iniciada. El panel de la corredora llegará en las próximas versiones.</p>
    </section>
  );
}

export function App() {
  const signedIn = useAuthStore(selectIsAuthenticated);
  return (
    <>
      <a className="skip-link" href="#main">
        Saltar al contenido
      </a>
      <Header />
      <main id="main" className="layout" tabIndex={-1}>
        {signedIn ? <Welcome /> : <LoginForm />}
        <StatusPanel />
      </main>
      <footer className="app-footer muted">Inmo · CRM inmobiliario autoalojable</footer>
    </>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { databaseCheck, fetchReadiness, type HealthCheck, type Readiness } from '../api/health';

type State =
  | { kind: 'loading' }
  | { kind: 'loaded'; readiness: Readiness }
  | { kind: 'error'; message: string };

type Tone = 'ok' | 'warn' | 'bad' | 'unknown';

const serverLine = (status: string): [string, Tone] => {
  if (status === 'up') return ['Servidor listo', 'ok'];
  if (status === 'degraded') return ['Servidor listo, con servicios degradados', 'warn'];
  return ['Servidor no listo', 'bad'];
};

const dependencyWord = (check: HealthCheck | undefined, upWord: string): [string, Tone] => {
  if (!check) return ['sin información', 'unknown'];
  if (check.status === 'up') return [upWord, 'ok'];
  if (check.status === 'degraded') return ['degradado', 'warn'];
  return ['no disponible', 'bad'];
};

const LABELS: Record<string, string> = { redis: 'Caché (Redis)' };

function StatusRow({ label, tone, title }: { label: string; tone: Tone; title?: string | null }) {
  return (
    <li className={`status-row status-row--${tone}`} title={title ?? undefined}>
      <span className="status-dot" aria-hidden="true" />
      <span>{label}</span>
    </li>
  );
}

/** Shows whether the server and its database are ready, from GET /health/ready. */
export function StatusPanel() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const controller = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ kind: 'loading' });
    try {
      const readiness = await fetchReadiness(current.signal);
      if (!current.signal.aborted) setState({ kind: 'loaded', readiness });
    } catch (error) {
      if (current.signal.aborted) return;
      setState({
        kind: 'error',
        message: error instanceof Error ? error.message : 'Error desconocido.',
      });
    }
  }, []);

  useEffect(() => {
    void load();
    return () => controller.current?.abort();
  }, [load]);

  let content;
  if (state.kind === 'loading') {
    content = <p className="muted">Comprobando el estado del servidor…</p>;
  } else if (state.kind === 'error') {
    content = (
      <div role="alert" className="status-error">
        <p>
          <strong>No se pudo consultar el estado del servidor.</strong>
        </p>
        <p>{state.message}</p>
      </div>
    );
  } else {
    const { readiness } = state;
    const [serverText, serverTone] = serverLine(readiness.status);
    const database = databaseCheck(readiness);
    const [dbText, dbTone] = dependencyWord(database, 'lista');
    const others = readiness.checks.filter((check) => check !== database);
    content = (
      <ul className="status-list">
        <StatusRow label={serverText} tone={serverTone} />
        <StatusRow label={`Base de datos: ${dbText}`} tone={dbTone} title={database?.detail} />
        {others.map((check) => {
          const [text, tone] = dependencyWord(check, 'disponible');
          return (
            <StatusRow
              key={check.name}
              label={`${LABELS[check.name.toLowerCase()] ?? check.name}: ${text}`}
              tone={tone}
              title={check.detail}
            />
          );
        })}
      </ul>
    );
  }

  return (
    <section className="card" aria-labelledby="status-title" aria-busy={state.kind === 'loading'}>
      <div className="card-heading">
        <h2 id="status-title">Estado del sistema</h2>
        <button type="button" className="button button--ghost" onClick={() => void load()} disabled={state.kind === 'loading'}>
          Actualizar
        </button>
      </div>
      <div aria-live="polite">{content}</div>
    </section>
  );
}

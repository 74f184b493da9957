import { useQuery } from '@tanstack/react-query';
import { LogOut } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { getOwnBroker, listBrokers } from '../api/brokers';
import { UnreadBadge } from '../features/notifications/UnreadBadge';
import type { AuthUser } from '../api/auth';
import { setLanguage } from '../i18n';
import { LANGUAGES, type Language } from '../i18n/types';
import { useLiveStatus } from '../live/events';
import { useAuthStore } from '../stores/auth';
import { useBrokerScope } from '../stores/broker';

function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="topbar__field">
      <label htmlFor={id} className="visually-hidden">
        {t('header.language')}
      </label>
      <select id={id} className="select select--compact" value={i18n.language} onChange={(event) => void setLanguage(event.target.value as Language)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The SUPERADMIN's brokerage switch: the API needs a brokerage for every broker-data call. */
export function BrokerPicker() {
  const { t } = useTranslation();
  const id = useId();
  const selected = useBrokerScope((state) => state.selectedBrokerId);
  const select = useBrokerScope((state) => state.select);
  const brokers = useQuery({ queryKey: ['admin', 'brokers'], queryFn: ({ signal }) => listBrokers(signal) });

  if (brokers.isPending) return <span className="muted topbar__note">{t('broker.loading')}</span>;
  if (brokers.isError) return <span className="topbar__note topbar__note--error">{t('broker.loadError')}</span>;
  const items = brokers.data.items;
  if (items.length === 0) return <span className="muted topbar__note">{t('broker.none')}</span>;
  return (
    <div className="topbar__field topbar__broker">
      <label htmlFor={id}>{t('broker.label')}</label>
      <select id={id} className="select" value={selected ?? ''} onChange={(event) => select(event.target.value || null)}>
        <option value="">{t('broker.choose')}</option>
        {items.map((broker) => (
          <option key={broker.id} value={broker.id}>
            {broker.active ? broker.name : t('broker.inactive', { name: broker.name })}
          </option>
        ))}
      </select>
    </div>
  );
}

function OwnBrokerName() {
  const broker = useQuery({ queryKey: ['broker', 'own'], queryFn: ({ signal }) => getOwnBroker(signal), staleTime: 5 * 60_000 });
  return broker.data ? <span className="topbar__broker-name">{broker.data.name}</span> : null;
}

function LiveIndicator() {
  const { t } = useTranslation();
  const status = useLiveStatus((state) => state.status);
  const text = t(`live.${status}`);
  return (
    <span className={`live-indicator live-indicator--${status}`} role="status" title={t('live.label', { state: text })}>
      <span className="live-indicator__dot" aria-hidden="true" />
      <span className="live-indicator__text">{text}</span>
    </span>
  );
}

/** The bar above every signed-in page: brokerage, live status, language and the user. */
export function TopBar({ user }: { user: AuthUser }) {
  const { t } = useTranslation();
  const signOut = useAuthStore((state) => state.signOut);
  return (
    <header className="topbar">
      <div className="topbar__left">{user.role === 'SUPERADMIN' ? <BrokerPicker /> : <OwnBrokerName />}</div>
      <div className="topbar__right">
        <UnreadBadge />
        <LiveIndicator />
        <LanguageSelect />
        <div className="topbar__user" aria-label={t('header.account', { name: user.name || user.email })} role="group">
          <span className="topbar__user-name">{user.name || user.email}</span>
          <span className="topbar__user-role">{t(`roles.${user.role}`)}</span>
        </div>
        <button type="button" className="button button--ghost" onClick={signOut} title={t('header.signOut')}>
          <LogOut className="button__icon" aria-hidden="true" />
          <span className="button__label">{t('header.signOut')}</span>
        </button>
      </div>
    </header>
  );
}

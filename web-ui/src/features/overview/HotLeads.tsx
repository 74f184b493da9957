import { Flame } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Lead } from '../../api/types';
import { ChannelBadge, EmptyState } from '../../components/ui';
import { useFormat } from '../../i18n/format';

const SHOWN = 8;

/** The hottest leads, each a link to its page. */
export function HotLeads({ leads }: { leads: Lead[] }) {
  const { t } = useTranslation('overview');
  const format = useFormat();
  if (leads.length === 0) {
    return (
      <EmptyState icon={Flame} title={t('hot.empty')}>
        {t('hot.emptyHint')}
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="hot-leads">
        {leads.slice(0, SHOWN).map((lead) => {
          const channel = lead.identities[0]?.channel;
          const place = [lead.facts.location, lead.facts.budget && format.money(lead.facts.budget)].filter(Boolean).join(' · ');
          return (
            <li key={lead.id} className="hot-leads__item">
              <div className="hot-leads__main">
                <Link to={`/leads/${lead.id}`} className="hot-leads__name">
                  {lead.name || lead.phone || lead.email || t('hot.unnamed')}
                </Link>
                <span className="hot-leads__meta muted">
                  {place && <span>{place}</span>}
                  <span>{t('hot.created', { when: format.relative(lead.createdAt) })}</span>
                </span>
              </div>
              {channel && <ChannelBadge channel={channel} />}
              <span className="score" title={t('hot.scoreLabel')}>
                <span className="visually-hidden">{t('hot.scoreLabel')} </span>
                {lead.score}
              </span>
            </li>
          );
        })}
      </ul>
      <Link to="/leads?status=hot" className="card-link">
        {t('hot.seeAll')}
      </Link>
    </>
  );
}

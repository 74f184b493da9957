import { Search } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthUser } from '../../api/auth';
import type { StaffUser } from '../../api/staffDirectory';
import { hasFilters, type BoardFilters as Filters } from './api';

/** How long typing must pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 350;

interface BoardFiltersProps {
  filters: Filters;
  user: AuthUser | null;
  /** The brokerage's users, for admins; agents choose between their own and unassigned leads. */
  staff: StaffUser[];
  onChange: (filters: Filters) => void;
}

/** Agent and search filters of the board. */
export function BoardFilters({ filters, user, staff, onChange }: BoardFiltersProps) {
  const { t } = useTranslation('pipeline');
  const id = useId();
  const [text, setText] = useState(filters.q);

  // follow outside changes (clearing, back button)
  useEffect(() => setText(filters.q), [filters.q]);

  useEffect(() => {
    if (text === filters.q) return undefined;
    const timer = setTimeout(() => onChange({ ...filters, q: text }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  const agent = user?.role === 'AGENT';
  const agents = staff.filter((member) => member.active).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="board-filters" role="search" aria-label={t('filters.label')}>
      <div className="inline-field">
        <label htmlFor={`${id}-agent`}>{t('filters.agent')}</label>
        <select
          id={`${id}-agent`}
          className="select select--compact"
          value={filters.assignedTo}
          onChange={(event) => onChange({ ...filters, assignedTo: event.target.value })}
        >
          <option value="">{agent ? t('filters.everyoneMine') : t('filters.everyone')}</option>
          {agent && user && <option value={user.id}>{t('filters.mine')}</option>}
          <option value="none">{t('filters.unassigned')}</option>
          {!agent &&
            agents.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
        </select>
      </div>
      <div className="inline-field board-filters__search">
        <label htmlFor={`${id}-q`}>{t('filters.search')}</label>
        <span className="search-input">
          <Search className="search-input__icon" aria-hidden="true" />
          <input
            id={`${id}-q`}
            type="search"
            className="search-input__field"
            value={text}
            placeholder={t('filters.searchPlaceholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </span>
      </div>
      {hasFilters(filters) && (
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            setText('');
            onChange({ assignedTo: '', q: '' });
          }}
        >
          {t('filters.clear')}
        </button>
      )}
    </div>
  );
}

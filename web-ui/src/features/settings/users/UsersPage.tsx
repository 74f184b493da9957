import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { UserPlus, Users } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userMessage } from '../../../api/client';
import { ConfirmDialog, EmptyState, ErrorState, notify, Skeleton } from '../../../components/ui';
import { useFormat } from '../../../i18n/format';
import { useAuthStore } from '../../../stores/auth';
import { useActiveBrokerId } from '../../../stores/broker';
import { settingsApi, settingsKeys, type NewStaffUser, type StaffUser, type StaffUserChanges } from '../api';
import { Panel, SaveError, SelectField, TextField } from '../components';
import { SectionGate } from '../SettingsLayout';

const ROLES = ['AGENT', 'ADMIN'] as const;
const EMPTY: NewStaffUser = { name: '', email: '', role: 'AGENT', password: '' };

function NewUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['settings', 'common']);
  const brokerId = useActiveBrokerId();
  const queryClient = useQueryClient();
  const [user, setUser] = useState<NewStaffUser>(EMPTY);
  const create = useMutation({
    mutationFn: (body: NewStaffUser) => settingsApi.createUser(body),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: settingsKeys.users(brokerId) });
      notify(t('users.created', { name: created.name }));
      setUser(EMPTY);
      create.reset();
      onClose();
    },
  });
  const complete = user.name.trim() && user.email.trim() && user.password.length > 0;
  return (
    <ConfirmDialog
      open={open}
      title={t('users.new.title')}
      description={t('users.new.description')}
      confirmLabel={t('users.new.create')}
      busy={create.isPending}
      confirmDisabled={!complete}
      onConfirm={() => create.mutate({ ...user, name: user.name.trim(), email: user.email.trim() })}
      onCancel={() => {
        create.reset();
        onClose();
      }}
    >
      <div className="form dialog__form">
        <TextField label={t('users.name')} value={user.name} onChange={(name) => setUser({ ...user, name })} required autoComplete="off" />
        <TextField label={t('users.email')} type="email" value={user.email} onChange={(email) => setUser({ ...user, email })} required autoComplete="off" />
        <SelectField label={t('users.role')} value={user.role} options={ROLES.map((role) => ({ value: role, label: t(`common:roles.${role}`) }))} onChange={(role) => setUser({ ...user, role })} />
        <TextField label={t('users.new.password')} type="password" value={user.password} onChange={(password) => setUser({ ...user, password })} required autoComplete="new-password" hint={t('users.new.passwordHint')} />
        <SaveError error={create.error} />
      </div>
    </ConfirmDialog>
  );
}

function UserRow({ user, self }: { user: StaffUser; self: boolean }) {
  const { t } = useTranslation(['settings', 'common']);
  const format = useFormat();
  const brokerId = useActiveBrokerId();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const update = useMutation({
    mutationFn: (changes: StaffUserChanges) => settingsApi.updateUser(user.id, changes),
    onSuccess: (saved, changes) => {
      queryClient.setQueryData<{ items: StaffUser[] }>(settingsKeys.users(brokerId), (current) => current && { items: current.items.map((item) => (item.id === saved.id ? saved : item)) });
      notify(changes.active === false ? t('users.deactivated', { name: saved.name }) : changes.active ? t('users.activated', { name: saved.name }) : t('users.updated', { name: saved.name }));
      setConfirming(false);
    },
    onError: (error) => {
      notify(userMessage(error), 'error');
      setConfirming(false);
    },
  });
  return (
    <tr className={user.active ? undefined : 'data-table__row--muted'}>
      <th scope="row">
        <span className="user-name">{user.name}</span>
        {self && <span className="badge user-self">{t('users.you')}</span>}
        <span className="muted user-email">{user.email}</span>
      </th>
      <td>
        <label className="visually-hidden" htmlFor={`role-${user.id}`}>
          {t('users.roleOf', { name: user.name })}
        </label>
        <select id={`role-${user.id}`} className="select select--compact" value={user.role} disabled={update.isPending || !user.active} onChange={(event) => update.mutate({ role: event.target.value as StaffUser['role'] })}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`common:roles.${role}`)}
            </option>
          ))}
        </select>
      </td>
      <td>{user.active ? <span className="badge badge--active">{t('users.active')}</span> : <span className="badge">{t('users.inactive')}</span>}</td>
      <td>{user.lastLoginAt ? <time dateTime={user.lastLoginAt} title={format.dateTime(user.lastLoginAt)}>{format.relative(user.lastLoginAt)}</time> : <span className="muted">{t('users.never')}</span>}</td>
      <td className="num">
        {user.active ? (
          <button type="button" className="button button--ghost" onClick={() => setConfirming(true)} disabled={update.isPending}>
            {t('users.deactivate')}
          </button>
        ) : (
          <button type="button" className="button button--ghost" onClick={() => update.mutate({ active: true })} disabled={update.isPending}>
            {t('users.activate')}
          </button>
        )}
        <ConfirmDialog
          open={confirming}
          tone="danger"
          title={t('users.confirmTitle', { name: user.name })}
          description={self ? t('users.confirmSelf') : t('users.confirmText')}
          confirmLabel={t('users.deactivate')}
          busy={update.isPending}
          onConfirm={() => update.mutate({ active: false })}
          onCancel={() => setConfirming(false)}
        />
      </td>
    </tr>
  );
}

function UsersList() {
  const { t } = useTranslation('settings');
  const brokerId = useActiveBrokerId();
  const me = useAuthStore((state) => state.user?.id);
  const [creating, setCreating] = useState(false);
  const users = useQuery({ queryKey: settingsKeys.users(brokerId), queryFn: ({ signal }) => settingsApi.users(signal) });
  const sorted = users.data ? [...users.data.items].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'es')) : [];
  return (
    <Panel
      title={t('users.title')}
      description={t('users.description')}
      actions={
        <button type="button" className="button" onClick={() => setCreating(true)}>
          <UserPlus className="button__icon" aria-hidden="true" />
          {t('users.add')}
        </button>
      }
    >
      {users.isPending ? (
        <Skeleton lines={5} label={t('users.loading')} />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} retrying={users.isFetching} />
      ) : sorted.length === 0 ? (
        <EmptyState icon={Users} title={t('users.empty')} />
      ) : (
        <div className="table-scroll">
          <table className="data-table users-table">
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('users.name')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.lastLogin')}</th>
                <th scope="col" className="num">
                  <span className="visually-hidden">{t('users.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((user) => (
                <UserRow key={user.id} user={user} self={user.id === me} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewUserDialog open={creating} onClose={() => setCreating(false)} />
    </Panel>
  );
}

/** `/settings/users`: the brokerage's staff accounts. */
export default function UsersPage() {
  return (
    <SectionGate id="users">
      <UsersList />
    </SectionGate>
  );
}

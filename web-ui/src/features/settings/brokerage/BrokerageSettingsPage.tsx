import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, notify, Skeleton } from '../../../components/ui';
import { useActiveBrokerId } from '../../../stores/broker';
import { settingsApi, settingsKeys, WEEKDAYS, type BrokerChanges, type BrokerProfile, type HoursRange, type Weekday } from '../api';
import { Checkbox, Panel, ReadOnlyNotice, SaveBar, SaveError, TextField } from '../components';
import { SectionGate, useCanEdit } from '../SettingsLayout';

type Hours = Record<Weekday, HoursRange[]>;

interface ProfileForm {
  name: string;
  phone: string;
  email: string;
  timezone: string;
  hours: Hours;
}

const toForm = (broker: BrokerProfile): ProfileForm => ({
  name: broker.name,
  phone: broker.phone ?? '',
  email: broker.email ?? '',
  timezone: broker.timezone,
  hours: Object.fromEntries(WEEKDAYS.map((day) => [day, broker.businessHours[day] ?? []])) as Hours,
});

const toChanges = (form: ProfileForm): BrokerChanges => ({
  name: form.name.trim(),
  phone: form.phone.trim() || null,
  email: form.email.trim() || null,
  timezone: form.timezone.trim(),
  businessHours: form.hours,
});

function DayHours({ day, ranges, readOnly, onChange }: { day: Weekday; ranges: HoursRange[]; readOnly: boolean; onChange: (ranges: HoursRange[]) => void }) {
  const { t } = useTranslation('settings');
  const open = ranges.length > 0;
  const first = ranges[0] ?? { start: '09:00', end: '19:00' };
  const dayName = t(`brokerage.days.${day}`);
  return (
    <tr>
      <th scope="row">{dayName}</th>
      <td>
        <Checkbox label={t('brokerage.open')} checked={open} disabled={readOnly} onChange={(on) => onChange(on ? [{ start: '09:00', end: '19:00' }] : [])} />
      </td>
      <td>
        {open ? (
          <div className="hours-range">
            <input type="time" value={first.start} readOnly={readOnly} aria-label={t('brokerage.from', { day: dayName })} onChange={(event) => onChange([{ ...first, start: event.target.value }, ...ranges.slice(1)])} />
            <span aria-hidden="true">–</span>
            <input type="time" value={first.end} readOnly={readOnly} aria-label={t('brokerage.to', { day: dayName })} onChange={(event) => onChange([{ ...first, end: event.target.value }, ...ranges.slice(1)])} />
            {ranges.length > 1 && <span className="muted">{t('brokerage.moreRanges', { ranges: ranges.slice(1).map((range) => `${range.start}–${range.end}`).join(', ') })}</span>}
          </div>
        ) : (
          <span className="muted">{t('brokerage.closed')}</span>
        )}
      </td>
    </tr>
  );
}

function BrokerageForm({ broker }: { broker: BrokerProfile }) {
  const { t } = useTranslation('settings');
  const brokerId = useActiveBrokerId();
  const queryClient = useQueryClient();
  const readOnly = !useCanEdit('brokerage');
  const initial = toForm(broker);
  const [form, setForm] = useState(initial);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const set = <K extends keyof ProfileForm>(key: K, value: ProfileForm[K]) => setForm((current) => ({ ...current, [key]: value }));
  const save = useMutation({
    mutationFn: (changes: BrokerChanges) => settingsApi.updateBroker(brokerId, changes),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.broker(brokerId), saved);
      void queryClient.invalidateQueries({ queryKey: ['broker', 'own'] });
      notify(t('brokerage.saved'));
    },
  });
  return (
    <Panel title={t('brokerage.title')} description={t('brokerage.description')}>
      {readOnly && <ReadOnlyNotice />}
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!readOnly) save.mutate(toChanges(form));
        }}
      >
        <div className="form-row">
          <TextField label={t('brokerage.name')} value={form.name} onChange={(value) => set('name', value)} required readOnly={readOnly} />
          <TextField label={t('brokerage.slug')} value={broker.slug} onChange={() => undefined} readOnly hint={t('brokerage.slugHint')} />
        </div>
        <div className="form-row form-row--3">
          <TextField label={t('brokerage.phone')} type="tel" value={form.phone} onChange={(value) => set('phone', value)} readOnly={readOnly} placeholder="+56 2 2345 6789" />
          <TextField label={t('brokerage.email')} type="email" value={form.email} onChange={(value) => set('email', value)} readOnly={readOnly} />
          <TextField label={t('brokerage.timezone')} value={form.timezone} onChange={(value) => set('timezone', value)} readOnly={readOnly} hint={t('brokerage.timezoneHint')} />
        </div>
        <h3 className="settings-subtitle">{t('brokerage.hours')}</h3>
        <table className="data-table hours-table">
          <caption className="visually-hidden">{t('brokerage.hours')}</caption>
          <tbody>
            {WEEKDAYS.map((day) => (
              <DayHours key={day} day={day} ranges={form.hours[day]} readOnly={readOnly} onChange={(ranges) => set('hours', { ...form.hours, [day]: ranges })} />
            ))}
          </tbody>
        </table>
        <SaveError error={save.error} />
        {!readOnly && <SaveBar dirty={dirty} saving={save.isPending} updatedAt={broker.updatedAt} onReset={() => setForm(initial)} />}
      </form>
    </Panel>
  );
}

function BrokerageSettings() {
  const { t } = useTranslation('settings');
  const brokerId = useActiveBrokerId();
  const broker = useQuery({ queryKey: settingsKeys.broker(brokerId), queryFn: ({ signal }) => settingsApi.broker(brokerId, signal) });
  if (broker.isPending) return <Skeleton lines={8} label={t('brokerage.loading')} />;
  if (broker.isError) return <ErrorState error={broker.error} onRetry={() => void broker.refetch()} retrying={broker.isFetching} />;
  return <BrokerageForm key={broker.data.updatedAt} broker={broker.data} />;
}

/** `/settings/brokerage`: the brokerage's name, contact, time zone and business hours. */
export default function BrokerageSettingsPage() {
  return (
    <SectionGate id="brokerage">
      <BrokerageSettings />
    </SectionGate>
  );
}

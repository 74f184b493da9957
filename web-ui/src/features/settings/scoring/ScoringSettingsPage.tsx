import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, notify, Skeleton } from '../../../components/ui';
import { useFormat } from '../../../i18n/format';
import { useActiveBrokerId } from '../../../stores/broker';
import { LEAD_FIELDS, settingsApi, settingsKeys, toLeadConfigRequest, type LeadConfig, type LeadConfigRequest, type LeadField, type SampleLead } from '../api';
import { Checkbox, Hint, Panel, ReadOnlyNotice, SaveBar, SaveError, TextField } from '../components';
import { SectionGate, useCanEdit } from '../SettingsLayout';
import { RescoringProgress } from './RescoringProgress';
import { DEFAULT_SAMPLE, SampleLeadForm } from './SampleLeadForm';
import { ScorePreviewPanel } from './ScorePreviewPanel';

const clampInt = (text: string, min: number, max: number): number => {
  const value = Number.parseInt(text.replace(/[^\d]/g, ''), 10);
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, value));
};

function ThresholdBar({ coldMax, warmMax }: { coldMax: number; warmMax: number }) {
  const { t } = useTranslation(['settings', 'common']);
  const hot = 100 - warmMax;
  return (
    <div className="threshold-bar" role="img" aria-label={t('scoring.thresholds.barLabel', { coldMax, warmMin: coldMax + 1, warmMax, hotMin: warmMax + 1 })}>
      <span className="threshold-bar__cold" style={{ flexGrow: coldMax + 1 }}>
        {t('common:status.cold')} 0–{coldMax}
      </span>
      <span className="threshold-bar__warm" style={{ flexGrow: Math.max(1, warmMax - coldMax) }}>
        {t('common:status.warm')} {coldMax + 1}–{warmMax}
      </span>
      <span className="threshold-bar__hot" style={{ flexGrow: Math.max(1, hot) }}>
        {t('common:status.hot')} {warmMax + 1}–100
      </span>
    </div>
  );
}

function WeightsTable({ weights, readOnly, onChange }: { weights: LeadConfigRequest['fieldWeights']; readOnly: boolean; onChange: (field: LeadField, weight: number) => void }) {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const total = LEAD_FIELDS.reduce((sum, field) => sum + (weights[field] ?? 0), 0);
  return (
    <>
      <table className="data-table weights-table">
        <caption className="visually-hidden">{t('scoring.weights.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('scoring.weights.field')}</th>
            <th scope="col">{t('scoring.weights.points')}</th>
          </tr>
        </thead>
        <tbody>
          {LEAD_FIELDS.map((field) => {
            const weight = weights[field] ?? 0;
            const label = t(`scoring.fields.${field}`);
            return (
              <tr key={field} className={weight === 0 ? 'weights-table__row--zero' : undefined}>
                <th scope="row">{label}</th>
                <td>
                  <div className="weight-input">
                    <input
                      type="range"
                      min={0}
                      max={100}
                      value={weight}
                      disabled={readOnly}
                      aria-label={t('scoring.weights.sliderLabel', { field: label })}
                      onChange={(event) => onChange(field, Number(event.target.value))}
                    />
                    <input
                      type="number"
                      className="number-input"
                      min={0}
                      max={100}
                      value={weight}
                      readOnly={readOnly}
                      aria-label={t('scoring.weights.inputLabel', { field: label })}
                      onChange={(event) => onChange(field, clampInt(event.target.value, 0, 100))}
                    />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('scoring.weights.total')}</th>
            <td className={total === 100 ? undefined : 'weights-table__total--off'}>{format.number(total)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="muted field__hint">{total === 100 ? t('scoring.weights.totalOk') : t('scoring.weights.totalHint', { total: format.number(total) })}</p>
    </>
  );
}

function PriorityList({ priority, readOnly, onChange }: { priority: LeadField[]; readOnly: boolean; onChange: (priority: LeadField[]) => void }) {
  const { t } = useTranslation('settings');
  const move = (index: number, by: -1 | 1) => {
    const next = [...priority];
    const [item] = next.splice(index, 1);
    if (!item) return;
    next.splice(index + by, 0, item);
    onChange(next);
  };
  return (
    <ol className="priority-list">
      {priority.map((field, index) => {
        const label = t(`scoring.fields.${field}`);
        return (
          <li key={field}>
            <span className="priority-list__index">{index + 1}</span>
            <span className="priority-list__label">{label}</span>
            {!readOnly && (
              <span className="priority-list__actions">
                <button type="button" className="icon-button" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('scoring.priority.up', { field: label })}>
                  <ArrowUp aria-hidden="true" />
                </button>
                <button type="button" className="icon-button" disabled={index === priority.length - 1} onClick={() => move(index, 1)} aria-label={t('scoring.priority.down', { field: label })}>
                  <ArrowDown aria-hidden="true" />
                </button>
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function ScoringForm({ config, sample, setSample }: { config: LeadConfig; sample: SampleLead; setSample: (sample: SampleLead) => void }) {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const brokerId = useActiveBrokerId();
  const queryClient = useQueryClient();
  const canEdit = useCanEdit('scoring');
  const readOnly = !canEdit;
  const initial = toLeadConfigRequest(config);
  const [form, setForm] = useState<LeadConfigRequest>(initial);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const set = <K extends keyof LeadConfigRequest>(key: K, value: LeadConfigRequest[K]) => setForm((current) => ({ ...current, [key]: value }));
  const save = useMutation({
    mutationFn: (body: LeadConfigRequest) => settingsApi.saveLead(brokerId, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.lead(brokerId), saved);
      void queryClient.invalidateQueries({ queryKey: settingsKeys.rescoring(brokerId) });
      notify(t('scoring.saved'));
    },
  });
  const thresholdsValid = form.coldMaxScore < form.warmMaxScore && form.warmMaxScore < 100;
  const incomesValid = form.potentialIncome <= form.qualifiedIncome;

  return (
    <div className="settings-grid settings-grid--scoring">
      <form
        className="settings-stack"
        onSubmit={(event) => {
          event.preventDefault();
          if (!readOnly && thresholdsValid && incomesValid) save.mutate(form);
        }}
      >
        <Panel title={t('scoring.title')} description={t('scoring.description')}>
          {readOnly && <ReadOnlyNotice />}
          <RescoringProgress />
          <h3 className="settings-subtitle">{t('scoring.thresholds.title')}</h3>
          <ThresholdBar coldMax={form.coldMaxScore} warmMax={form.warmMaxScore} />
          <div className="form-row form-row--3">
            <TextField label={t('scoring.thresholds.coldMax')} type="number" min={0} max={98} value={String(form.coldMaxScore)} onChange={(value) => set('coldMaxScore', clampInt(value, 0, 98))} readOnly={readOnly} />
            <TextField label={t('scoring.thresholds.warmMax')} type="number" min={1} max={99} value={String(form.warmMaxScore)} onChange={(value) => set('warmMaxScore', clampInt(value, 1, 99))} readOnly={readOnly} hint={t('scoring.thresholds.hotFrom', { score: form.warmMaxScore + 1 })} />
            <TextField
              label={t('scoring.thresholds.alert')}
              type="number"
              min={0}
              max={100}
              value={form.hotAlertScore === null ? '' : String(form.hotAlertScore)}
              onChange={(value) => set('hotAlertScore', value.trim() === '' ? null : clampInt(value, 0, 100))}
              readOnly={readOnly}
              hint={t('scoring.thresholds.alertHint')}
            />
          </div>
          {!thresholdsValid && (
            <p className="form-error" role="alert">
              {t('scoring.thresholds.invalid')}
            </p>
          )}
          <h3 className="settings-subtitle">{t('scoring.weights.title')}</h3>
          <p className="muted card__description">{t('scoring.weights.description')}</p>
          <WeightsTable weights={form.fieldWeights} readOnly={readOnly} onChange={(field, weight) => set('fieldWeights', { ...form.fieldWeights, [field]: weight })} />
        </Panel>

        <Panel title={t('scoring.qualification.title')} description={t('scoring.qualification.description')}>
          <div className="form-row form-row--3">
            <TextField label={t('scoring.qualification.qualifiedIncome')} inputMode="numeric" value={String(form.qualifiedIncome)} onChange={(value) => set('qualifiedIncome', clampInt(value, 0, 1_000_000_000))} readOnly={readOnly} hint={format.clp(form.qualifiedIncome)} />
            <TextField label={t('scoring.qualification.potentialIncome')} inputMode="numeric" value={String(form.potentialIncome)} onChange={(value) => set('potentialIncome', clampInt(value, 0, 1_000_000_000))} readOnly={readOnly} hint={format.clp(form.potentialIncome)} />
            <TextField label={t('scoring.qualification.acceptableDebt')} inputMode="numeric" value={String(form.acceptableDebt)} onChange={(value) => set('acceptableDebt', clampInt(value, 0, 1_000_000_000))} readOnly={readOnly} hint={format.clp(form.acceptableDebt)} />
          </div>
          {!incomesValid && (
            <p className="form-error" role="alert">
              {t('scoring.qualification.invalid')}
            </p>
          )}
          <Checkbox label={t('scoring.qualification.autoClose')} checked={form.autoCloseNotQualified} onChange={(value) => set('autoCloseNotQualified', value)} disabled={readOnly} hint={t('scoring.qualification.autoCloseHint')} />
          <Checkbox label={t('scoring.other.agentsSeeUnassigned')} checked={form.agentsSeeUnassigned} onChange={(value) => set('agentsSeeUnassigned', value)} disabled={readOnly} hint={t('scoring.other.agentsSeeUnassignedHint')} />
          <div className="form-row form-row--3">
            <TextField label={t('scoring.other.staleAfterDays')} type="number" min={1} max={365} value={String(form.staleAfterDays)} onChange={(value) => set('staleAfterDays', clampInt(value, 1, 365))} readOnly={readOnly} hint={t('scoring.other.staleAfterDaysHint')} />
          </div>
        </Panel>

        <Panel title={t('scoring.priority.title')} description={t('scoring.priority.description')}>
          <PriorityList priority={form.fieldPriority} readOnly={readOnly} onChange={(priority) => set('fieldPriority', priority)} />
          {form.requiredProfileFields.length > 0 && (
            <p className="muted field__hint">
              {t('scoring.priority.required', {
                groups: form.requiredProfileFields.map((group) => group.map((field) => t(`scoring.fields.${field}`)).join(t('scoring.priority.or'))).join(' · '),
              })}
            </p>
          )}
        </Panel>

        {!readOnly && (
          <div className={`card settings-footer${dirty ? ' settings-footer--dirty' : ''}`}>
            {dirty && <Hint>{t('scoring.saveHint')}</Hint>}
            <SaveError error={save.error} />
            <SaveBar dirty={dirty} saving={save.isPending} updatedAt={config.updatedAt} onReset={() => setForm(initial)} label={t('scoring.save')} />
          </div>
        )}
      </form>

      <aside className="settings-aside" aria-label={t('scoring.preview.aside')}>
        <Panel title={t('scoring.preview.panelTitle')} description={canEdit ? t('scoring.preview.description') : t('scoring.preview.adminsOnly')}>
          {canEdit && (
            <>
              <ScorePreviewPanel sample={sample} settings={form} />
              <SampleLeadForm sample={sample} onChange={setSample} />
            </>
          )}
        </Panel>
      </aside>
    </div>
  );
}

function ScoringSettings() {
  const { t } = useTranslation('settings');
  const brokerId = useActiveBrokerId();
  const config = useQuery({ queryKey: settingsKeys.lead(brokerId), queryFn: ({ signal }) => settingsApi.lead(brokerId, signal) });
  // kept here: the sample lead survives a save (the form starts over from the saved config)
  const [sample, setSample] = useState<SampleLead>(DEFAULT_SAMPLE);
  if (config.isPending) return <Skeleton lines={10} label={t('scoring.loading')} />;
  if (config.isError) return <ErrorState error={config.error} onRetry={() => void config.refetch()} retrying={config.isFetching} />;
  return <ScoringForm key={config.data.updatedAt ?? 'initial'} config={config.data} sample={sample} setSample={setSample} />;
}

/** `/settings/scoring`: weights, thresholds and qualification limits, with a live score preview. */
export default function ScoringSettingsPage() {
  return (
    <SectionGate id="scoring">
      <ScoringSettings />
    </SectionGate>
  );
}

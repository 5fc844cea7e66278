import { useState } from 'react';
import type { PublicationEntry, PublicationState } from '@ioc/contracts';
import { FormErrors } from '../../../shared/ui/Field';
import { useFormProblems } from '../../../shared/ui/useFormProblems';
import { useI18n } from '../../../shared/i18n/useI18n';
import { useResource } from '../hooks/useResource';
import { fetchPublication, savePublication } from '../model/openDataEndpoints';
import { entriesOf, withChanges, type Draft } from '../model/publication';
import { AdminSection } from './AdminSection';
import { DeviceKindPublication } from './DeviceKindPublication';
import { DevicePublication } from './DevicePublication';
import { IndicatorPublication } from './IndicatorPublication';
import { ListState } from './ListState';
import { MetricPublication } from './MetricPublication';
import { OpenDataSettingsForm } from './OpenDataSettingsForm';

const EMPTY: Draft = new Map();

/**
 * /admin/open-data: what the public routes may show (issue 17). Switches collect in a draft,
 * so a bulk change can be reviewed, and one save sends them all; the server's answer (the whole
 * publication state) then replaces what is shown.
 */
export function OpenDataSection() {
  const { t } = useI18n();
  const loaded = useResource((signal) => fetchPublication(signal), []);
  // The state a save answered, while it is newer than the loaded one.
  const [answered, setAnswered] = useState<{ base: unknown; state: PublicationState } | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [saved, setSaved] = useState(false);
  const save = useFormProblems();

  const current = answered !== null && answered.base === loaded.data ? answered.state : loaded.data;
  const replace = (state: PublicationState) => {
    setAnswered({ base: loaded.data, state });
  };
  const change = (changes: PublicationEntry[]) => {
    if (current === null) return;
    setSaved(false);
    setDraft((d) => withChanges(current, d, changes));
  };
  const entries = entriesOf(draft);

  const submit = async () => {
    if (!save.begin({})) return;
    setSaved(false);
    try {
      replace(await savePublication(entries));
      setDraft(EMPTY);
      save.done();
      setSaved(true);
    } catch (err) {
      // Field problems name `entries.N`: show them all above the switches with the reason.
      save.fail(err, true);
    }
  };

  return (
    <AdminSection
      name="open-data"
      title={t('admin.openData.title')}
      action={
        <a href="/du-lieu-mo" target="_blank" rel="noopener">
          {t('admin.openData.viewPublic')}
        </a>
      }
    >
      <p className="admin-hint">{t('admin.openData.lead')}</p>
      <ListState resource={loaded}>
        {() =>
          current !== null && (
            <>
              <OpenDataSettingsForm state={current} onSaved={replace} />
              <div className="admin-savebar" data-testid="open-data-savebar">
                <FormErrors
                  messages={[
                    ...save.form,
                    ...Object.entries(save.fields).flatMap(([f, ms]) =>
                      ms.map((m) => `${f}: ${m}`),
                    ),
                  ]}
                />
                {entries.length > 0 && (
                  <span data-testid="open-data-pending">
                    {t('admin.openData.pending', { n: entries.length })}
                  </span>
                )}
                {saved && entries.length === 0 && (
                  <span role="status" className="admin-badge admin-badge-ok">
                    {t('admin.openData.saved')}
                  </span>
                )}
                <button
                  type="button"
                  className="admin-primary"
                  disabled={entries.length === 0 || save.busy}
                  data-testid="open-data-save"
                  onClick={() => void submit()}
                >
                  {t('admin.openData.save')}
                </button>
                <button
                  type="button"
                  disabled={entries.length === 0 || save.busy}
                  onClick={() => {
                    setDraft(EMPTY);
                    save.done();
                  }}
                >
                  {t('admin.openData.discard')}
                </button>
              </div>
              <DeviceKindPublication state={current} draft={draft} onChange={change} />
              <DevicePublication state={current} draft={draft} onChange={change} />
              <MetricPublication state={current} draft={draft} onChange={change} />
              <IndicatorPublication state={current} draft={draft} onChange={change} />
            </>
          )
        }
      </ListState>
    </AdminSection>
  );
}

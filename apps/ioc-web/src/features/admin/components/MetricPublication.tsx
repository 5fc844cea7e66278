import type { PublicationEntry, PublicationState } from '@ioc/contracts';
import { useI18n } from '../../../shared/i18n/useI18n';
import { useMetrics } from '../../../shared/metrics/useMetrics';
import { shownValue, type Draft } from '../model/publication';
import { PublicationTable } from './PublicationTable';
import { PublicSwitch } from './PublicSwitch';

/** Measured quantities (PM2.5, water level…): only public ones become SensorThings Datastreams. */
export function MetricPublication({
  state,
  draft,
  onChange,
}: {
  state: PublicationState;
  draft: Draft;
  onChange: (changes: PublicationEntry[]) => void;
}) {
  const { t, lang } = useI18n();
  const metrics = useMetrics();
  return (
    <PublicationTable
      name="metrics"
      title={t('admin.openData.metrics.title')}
      headers={[
        t('admin.openData.metrics.name'),
        t('admin.openData.metrics.code'),
        t('admin.openData.metrics.uom'),
        t('admin.openData.public'),
      ]}
      rows={state.metrics}
      total={state.metrics.length}
      row={(m) => {
        const name = lang === 'vi' ? m.nameVi : m.nameEn;
        return (
          <tr key={m.code} data-testid="metric-row" data-key={m.code}>
            <td>{name}</td>
            <td>
              <code>{m.code}</code>
            </td>
            {/* The unit as people read it ("xe", not the stored "veh"); on/off has none. */}
            <td>{metrics.ready ? metrics.unit(m.code) : m.uom}</td>
            <td>
              <PublicSwitch
                label={t('admin.openData.switchLabel', { name })}
                checked={shownValue(state, draft, 'metric', m.code) === true}
                onChange={(on) => {
                  onChange([{ subject: 'metric', key: m.code, public: on }]);
                }}
              />
            </td>
          </tr>
        );
      }}
    />
  );
}

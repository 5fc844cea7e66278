import type { PublicationEntry, PublicationState } from '@ioc/contracts';
import { useI18n } from '../../../shared/i18n/useI18n';
import { deviceKindLabel } from '../model/labels';
import { shownValue, type Draft } from '../model/publication';
import { PublicationTable } from './PublicationTable';
import { PublicSwitch } from './PublicSwitch';

/** Device kinds with their device counts: switching a kind publishes every device following it. */
export function DeviceKindPublication({
  state,
  draft,
  onChange,
}: {
  state: PublicationState;
  draft: Draft;
  onChange: (changes: PublicationEntry[]) => void;
}) {
  const { t, num } = useI18n();
  return (
    <PublicationTable
      name="kinds"
      title={t('admin.openData.kinds.title')}
      headers={[
        t('admin.openData.kinds.kind'),
        t('admin.openData.kinds.devices'),
        t('admin.openData.public'),
      ]}
      rows={state.deviceKinds}
      total={state.deviceKinds.length}
      row={(k) => (
        <tr key={k.key} data-testid="kind-row" data-key={k.key}>
          <td>
            {deviceKindLabel(t, k.key)} <code>{k.key}</code>
          </td>
          <td>{num(k.devices, 0)}</td>
          <td>
            <PublicSwitch
              label={t('admin.openData.switchLabel', { name: deviceKindLabel(t, k.key) })}
              checked={shownValue(state, draft, 'device_kind', k.key) === true}
              onChange={(on) => {
                onChange([{ subject: 'device_kind', key: k.key, public: on }]);
              }}
            />
          </td>
        </tr>
      )}
    />
  );
}

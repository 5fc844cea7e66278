import { useMemo, useState } from 'react';
import type { PublicationEntry, PublicationState } from '@ioc/contracts';
import { useI18n } from '../../../shared/i18n/useI18n';
import {
  effectiveDevicePublic,
  filterDevices,
  shownValue,
  type Draft,
  type PublicDevice,
} from '../model/publication';
import { deviceKindLabel } from '../model/labels';
import { unitLabel, useUnitDirectory } from '../model/unitDirectory';
import { BulkButtons } from './BulkButtons';
import { PublicationTable } from './PublicationTable';

type Rule = 'follow' | 'on' | 'off';

const ruleOf = (own: boolean | null): Rule => (own === null ? 'follow' : own ? 'on' : 'off');
const ownOf = (rule: Rule): boolean | null => (rule === 'follow' ? null : rule === 'on');

/**
 * Devices, searchable and filtered by kind and unit. Each follows its kind ("theo loại") unless
 * set on its own; the result column is what the public routes will do once the draft is saved.
 */
export function DevicePublication({
  state,
  draft,
  onChange,
}: {
  state: PublicationState;
  draft: Draft;
  onChange: (changes: PublicationEntry[]) => void;
}) {
  const { t } = useI18n();
  const dir = useUnitDirectory();
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState('');
  const [unit, setUnit] = useState('');
  const units = useMemo(
    () =>
      [...new Set(state.devices.flatMap((d) => (d.unitCode === null ? [] : [d.unitCode])))].sort(),
    [state.devices],
  );
  const rows = useMemo(
    () =>
      filterDevices(state.devices, {
        query,
        kind,
        units: unit === '' ? null : new Set([unit]),
      }),
    [state.devices, query, kind, unit],
  );
  const setAll = (value: boolean | null) => {
    onChange(rows.map((d) => ({ subject: 'device', key: d.id, public: value })));
  };
  const kindState = (d: PublicDevice) =>
    shownValue(state, draft, 'device_kind', d.kind) === true
      ? t('admin.openData.on')
      : t('admin.openData.off');

  return (
    <PublicationTable
      name="devices"
      title={t('admin.openData.devices.title')}
      lead={t('admin.openData.devices.lead')}
      toolbar={
        <div className="admin-toolbar">
          <label>
            {t('admin.openData.devices.search')}{' '}
            <input
              type="search"
              value={query}
              placeholder={t('admin.openData.devices.searchPlaceholder')}
              data-testid="device-search"
              onChange={(e) => {
                setQuery(e.target.value);
              }}
            />
          </label>
          <label>
            {t('admin.openData.devices.kindFilter')}{' '}
            <select
              value={kind}
              data-testid="device-kind-filter"
              onChange={(e) => {
                setKind(e.target.value);
              }}
            >
              <option value="">{t('admin.openData.devices.allKinds')}</option>
              {state.deviceKinds.map((k) => (
                <option key={k.key} value={k.key}>
                  {deviceKindLabel(t, k.key)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('admin.openData.devices.unitFilter')}{' '}
            <select
              value={unit}
              data-testid="device-unit-filter"
              onChange={(e) => {
                setUnit(e.target.value);
              }}
            >
              <option value="">{t('admin.openData.devices.allUnits')}</option>
              {units.map((u) => (
                <option key={u} value={u}>
                  {unitLabel(dir, u)}
                </option>
              ))}
            </select>
          </label>
          <BulkButtons
            disabled={rows.length === 0}
            onAll={setAll}
            onFollow={() => {
              setAll(null);
            }}
          />
        </div>
      }
      headers={[
        t('admin.openData.devices.device'),
        t('admin.openData.devices.kind'),
        t('admin.openData.devices.unit'),
        t('admin.openData.devices.rule'),
        t('admin.openData.devices.effective'),
      ]}
      rows={rows}
      total={state.devices.length}
      row={(d) => {
        const rule = ruleOf(shownValue(state, draft, 'device', d.id));
        const effective = effectiveDevicePublic(state, draft, d);
        const name = d.name ?? d.id;
        return (
          <tr
            key={d.id}
            data-testid="device-row"
            data-key={d.id}
            data-effective={String(effective)}
          >
            <td>
              {d.name !== null && <div>{d.name}</div>}
              <code>{d.id}</code>
            </td>
            <td>
              <code>{d.kind}</code>
            </td>
            <td>{unitLabel(dir, d.unitCode)}</td>
            <td>
              <select
                value={rule}
                aria-label={t('admin.openData.devices.ruleLabel', { name })}
                data-testid="device-rule"
                onChange={(e) => {
                  // The options are exactly the three rules.
                  const next = e.target.value as Rule;
                  onChange([{ subject: 'device', key: d.id, public: ownOf(next) }]);
                }}
              >
                <option value="follow">
                  {t('admin.openData.devices.follow', { state: kindState(d) })}
                </option>
                <option value="on">{t('admin.openData.devices.ownOn')}</option>
                <option value="off">{t('admin.openData.devices.ownOff')}</option>
              </select>
            </td>
            <td>
              <span
                className={effective ? 'admin-badge admin-badge-ok' : 'admin-badge'}
                data-testid="device-effective"
              >
                {effective ? t('admin.openData.on') : t('admin.openData.off')}
              </span>
              {rule === 'follow' && (
                <small className="admin-hint"> ({t('admin.openData.devices.followBadge')})</small>
              )}
            </td>
          </tr>
        );
      }}
    />
  );
}

import { useMemo, useState } from 'react';
import type { PublicationEntry, PublicationState } from '@ioc/contracts';
import { useI18n } from '../../../shared/i18n/useI18n';
import { filterIndicators, shownValue, type Draft } from '../model/publication';
import { BulkButtons } from './BulkButtons';
import { PublicationTable } from './PublicationTable';
import { PublicSwitch } from './PublicSwitch';

/** Indicators (150 and more): searchable, each one a dataset in the catalogue once public. */
export function IndicatorPublication({
  state,
  draft,
  onChange,
}: {
  state: PublicationState;
  draft: Draft;
  onChange: (changes: PublicationEntry[]) => void;
}) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const rows = useMemo(() => filterIndicators(state.indicators, query), [state.indicators, query]);
  const all = (value: boolean) => {
    onChange(rows.map((i) => ({ subject: 'indicator', key: i.code, public: value })));
  };
  return (
    <PublicationTable
      name="indicators"
      title={t('admin.openData.indicators.title')}
      toolbar={
        <div className="admin-toolbar">
          <label>
            {t('admin.openData.indicators.search')}{' '}
            <input
              type="search"
              value={query}
              placeholder={t('admin.openData.indicators.searchPlaceholder')}
              data-testid="indicator-search"
              onChange={(e) => {
                setQuery(e.target.value);
              }}
            />
          </label>
          <BulkButtons disabled={rows.length === 0} onAll={all} />
        </div>
      }
      headers={[
        t('admin.openData.indicators.name'),
        t('admin.openData.indicators.code'),
        t('admin.openData.public'),
      ]}
      rows={rows}
      total={state.indicators.length}
      row={(i) => {
        const name = lang === 'vi' ? i.nameVi : i.nameEn;
        return (
          <tr key={i.code} data-testid="indicator-row" data-key={i.code}>
            <td>{name}</td>
            <td>
              <code>{i.code}</code>
            </td>
            <td>
              <PublicSwitch
                label={t('admin.openData.switchLabel', { name })}
                checked={shownValue(state, draft, 'indicator', i.code) === true}
                onChange={(on) => {
                  onChange([{ subject: 'indicator', key: i.code, public: on }]);
                }}
              />
            </td>
          </tr>
        );
      }}
    />
  );
}

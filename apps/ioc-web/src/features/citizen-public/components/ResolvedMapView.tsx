import { useMemo, useState } from 'react';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { useLoad } from '../hooks/useLoad';
import { fetchCategories, fetchResolvedMap, fetchWards } from '../model/api';
import { citizenErrorText } from '../model/errors';
import { categoryColor } from '../model/mapStyle';
import { CitizenMap, type PointCollection } from './CitizenMap';

/**
 * /phan-anh/ban-do — resolved reports as dots by category, at the rounded positions the API
 * gives (about 100 m): no code, no description, no person.
 */
export function ResolvedMapView() {
  const { t, lang, num } = useI18n();
  const categories = useLoad('categories', fetchCategories);
  const wards = useLoad('wards', fetchWards);
  const map = useLoad('map', fetchResolvedMap);
  const [only, setOnly] = useState<string | null>(null);

  const list = categories.phase === 'ready' ? categories.data : [];
  const colours = useMemo(
    () => new Map(list.map((c, i) => [c.code, categoryColor(i)] as const)),
    [list],
  );
  const items = map.phase === 'ready' ? map.data.items : [];
  const shown = only === null ? items : items.filter((p) => p.category === only);
  const points = useMemo<PointCollection>(
    () => ({
      type: 'FeatureCollection',
      features: shown.map((p) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: { color: colours.get(p.category) ?? categoryColor(-1) },
      })),
    }),
    [shown, colours],
  );

  return (
    <div className="citizen-public-map" data-testid="resolved-map">
      <h1>{t('citizen.map.title')}</h1>
      <p className="citizen-hint">{t('citizen.map.lead')}</p>
      <div className="citizen-chips" role="group" aria-label={t('citizen.map.legend')}>
        <button
          type="button"
          className={only === null ? 'citizen-chip is-selected' : 'citizen-chip'}
          aria-pressed={only === null}
          onClick={() => {
            setOnly(null);
          }}
        >
          {t('citizen.map.all')}
        </button>
        {list.map((c) => (
          <button
            key={c.code}
            type="button"
            className={only === c.code ? 'citizen-chip is-selected' : 'citizen-chip'}
            aria-pressed={only === c.code}
            data-category={c.code}
            onClick={() => {
              setOnly(only === c.code ? null : c.code);
            }}
          >
            <span
              className="citizen-swatch"
              style={{ background: colours.get(c.code) }}
              aria-hidden="true"
            />
            <span aria-hidden="true">{c.icon} </span>
            {lang === 'vi' ? c.nameVi : c.nameEn}
          </button>
        ))}
      </div>
      {/* Without ward boundaries the dots still show over land and sea. */}
      <CitizenMap
        wards={wards.phase === 'ready' ? wards.data : []}
        wardsPending={wards.phase === 'loading'}
        points={points}
        ariaLabel={t('citizen.map.label')}
      />
      {map.phase === 'failed' ? (
        <p className="citizen-alert" role="alert">
          {citizenErrorText(t, map.error)}
        </p>
      ) : (
        map.phase === 'ready' && (
          <p className="citizen-hint" data-testid="resolved-count" data-count={shown.length}>
            {t('citizen.map.count', { count: num(shown.length, 0) })} ·{' '}
            {t('citizen.map.asOf', { time: formatDateTime(new Date(map.data.asOf)) })}
          </p>
        )
      )}
    </div>
  );
}

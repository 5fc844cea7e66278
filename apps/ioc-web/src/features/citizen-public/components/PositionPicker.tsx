import { useState } from 'react';
import type { WardFeature } from '../../../shared/api/schemas';
import { useI18n } from '../../../shared/i18n/useI18n';
import { usePointWard } from '../hooks/usePointWard';
import { roundPosition, wardAt, type LonLat } from '../model/geo';
import { CitizenMap } from './CitizenMap';

type Locating = 'idle' | 'busy' | 'denied' | 'unsupported';

/** The report's position: a tap on the ward map or the phone's own location. */
export function PositionPicker({
  wards,
  wardsPending,
  wardsFailed,
  value,
  onChange,
  describedBy,
}: {
  wards: readonly WardFeature[];
  wardsPending: boolean;
  wardsFailed: boolean;
  value: LonLat | null;
  onChange: (p: LonLat) => void;
  describedBy: string | undefined;
}) {
  const { t } = useI18n();
  const [locating, setLocating] = useState<Locating>('idle');
  // The API names the ward (its locator is exact); the simplified boundaries drawn on the map
  // answer at once and highlight the ward, and stand in while the API has not answered.
  const drawn = value === null ? null : wardAt(wards, value);
  const located = usePointWard(value);
  const api = located.phase === 'ready' ? located.ward : null;
  const wardName = api !== null ? api.unitName : (drawn?.properties.name ?? null);
  const wardCode = api !== null ? api.unitCode : (drawn?.properties.code ?? null);
  const outside = api !== null ? !api.inside : value !== null && wards.length > 0 && drawn === null;

  const locate = (): void => {
    if (!('geolocation' in navigator)) {
      setLocating('unsupported');
      return;
    }
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating('idle');
        onChange(roundPosition({ lon: pos.coords.longitude, lat: pos.coords.latitude }));
      },
      () => {
        setLocating('denied');
      },
      // A fresh fix: the resident asks because they are standing at the spot now.
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 },
    );
  };

  let where: string;
  if (value === null) where = t('citizen.form.noPosition');
  // Unit names stay Vietnamese in English too (official usage).
  else if (wardName !== null && !outside) where = t('citizen.form.chosenWard', { ward: wardName });
  else if (outside) where = t('citizen.form.chosenOutside');
  else where = `${value.lat.toFixed(5)}, ${value.lon.toFixed(5)}`;

  return (
    <div className="citizen-position" aria-describedby={describedBy}>
      <p className="citizen-hint">{t('citizen.form.positionHint')}</p>
      <button
        type="button"
        className="citizen-button citizen-secondary"
        onClick={locate}
        disabled={locating === 'busy'}
        data-testid="use-my-location"
      >
        {locating === 'busy' ? t('citizen.form.locating') : t('citizen.form.useMyLocation')}
      </button>
      {locating === 'denied' && (
        <p className="citizen-field-error" role="alert">
          {t('citizen.form.locationDenied')}
        </p>
      )}
      {locating === 'unsupported' && (
        <p className="citizen-field-error" role="alert">
          {t('citizen.form.locationUnsupported')}
        </p>
      )}
      {/* Without boundaries the map still shows land and sea and still takes a tap. */}
      {wardsFailed && <p className="citizen-notice">{t('citizen.form.mapUnavailable')}</p>}
      <CitizenMap
        wards={wards}
        wardsPending={wardsPending}
        selectedWard={outside ? null : wardCode}
        marker={value}
        onPick={(p) => {
          onChange(roundPosition(p));
        }}
        ariaLabel={t('citizen.form.mapLabel')}
      />
      <p
        className={outside ? 'citizen-where is-outside' : 'citizen-where'}
        aria-live="polite"
        data-testid="chosen-ward"
        data-ward={outside ? '' : (wardCode ?? '')}
        data-source={api !== null ? 'api' : drawn !== null ? 'map' : 'none'}
      >
        {where}
      </p>
    </div>
  );
}

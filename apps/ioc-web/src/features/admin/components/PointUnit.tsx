import { unitLabel, type UnitDirectory } from '../model/unitDirectory';
import { usePointUnit } from '../hooks/usePointUnit';
import { useI18n } from '../../../shared/i18n/useI18n';

/** Which unit the point falls in, as the API will file the camera (and the unit it has now). */
export function PointUnit({
  dir,
  point,
  current,
}: {
  dir: UnitDirectory | null;
  point: { lon: number; lat: number } | null;
  current: string | null;
}) {
  const { t } = useI18n();
  const state = usePointUnit(point);
  let text: string;
  switch (state.phase) {
    case 'none':
      text = t('admin.cameras.pointUnit.none');
      break;
    case 'loading':
      text = t('admin.cameras.pointUnit.loading');
      break;
    case 'failed':
      text = t('admin.cameras.pointUnit.failed');
      break;
    case 'ready':
      text =
        state.unitCode === null
          ? t('admin.cameras.pointUnit.outside')
          : t('admin.cameras.pointUnit.in', { unit: unitLabel(dir, state.unitCode) });
  }
  return (
    <p className="admin-hint" role="status" data-testid="camera-point-unit">
      {text}
      {current !== null && (
        <> · {t('admin.cameras.pointUnit.current', { unit: unitLabel(dir, current) })}</>
      )}
    </p>
  );
}

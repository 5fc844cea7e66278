import { CAMERA_GRID_LAYOUTS, type SceneCameras } from '@ioc/contracts';
import { useI18n } from '../../../shared/i18n/useI18n';
import { Check, SelectField } from '../../../shared/ui/Field';
import { useCameras } from '../../../shared/video/useCameras';

/**
 * A camera scene's grid: its layout and which registered cameras it shows, in the order ticked
 * (more than the layout holds are paged through on the wall).
 */
export function SceneCamerasField({
  value,
  error,
  onChange,
}: {
  value: SceneCameras | undefined;
  error: string | undefined;
  onChange: (cameras: SceneCameras) => void;
}) {
  const { t } = useI18n();
  const cameras = useCameras(null);
  const current: SceneCameras = value ?? { layout: '2x2', ids: [] };
  return (
    <fieldset className="admin-overlays" data-testid="scene-cameras">
      <legend>{t('camera.scene.cameras')}</legend>
      <SelectField
        label={t('camera.scene.layout')}
        value={current.layout}
        options={CAMERA_GRID_LAYOUTS}
        optionLabel={(l) => l.replace('x', '×')}
        onValue={(layout) => {
          onChange({ ...current, layout });
        }}
      />
      {cameras.data?.length === 0 && <p className="admin-hint">{t('camera.scene.noCameras')}</p>}
      {(cameras.data ?? []).map((c) => (
        <Check
          key={c.id}
          label={`${c.name} (${c.id})`}
          checked={current.ids.includes(c.id)}
          onChange={(on) => {
            onChange({
              ...current,
              ids: on ? [...current.ids, c.id] : current.ids.filter((x) => x !== c.id),
            });
          }}
        />
      ))}
      {error && <p className="admin-inline-error">{error}</p>}
    </fieldset>
  );
}

import type { SceneMeasure, WallScene } from '@ioc/contracts';
import { OVERLAY_KEYS, SCENE_KIND_KEYS, SCENE_KINDS, SCENE_OVERLAYS } from '../model/labels';
import { measureOfKind, type SceneProblems } from '../model/scenes';
import type { MessageKey } from '../../../shared/i18n/translate';
import { useI18n } from '../../../shared/i18n/useI18n';
import { Check, Field, SelectField } from '../../../shared/ui/Field';
import { MetricSelect } from '../../../shared/metrics/MetricSelect';
import type { IndicatorItem } from '../../../shared/api/adminSchemas';
import { IndicatorPicker } from './IndicatorPicker';
import { SceneCamerasField } from './SceneCamerasField';
import { ScenePreview } from './ScenePreview';

const MEASURE_KEYS: Record<SceneMeasure['kind'], MessageKey> = {
  metric: 'admin.wall.measure.metric',
  indicator: 'admin.wall.measure.indicator',
  none: 'admin.wall.measure.none',
};

/** One scene of the wall's rotation: order, kind, duration, measure and overlays. */
export function WallSceneRow({
  scene: s,
  indicators,
  i,
  last,
  problems,
  edit,
  onMove,
  onRemove,
  preview,
}: {
  scene: WallScene;
  /** The indicator catalogue, for an indicator scene's picker. */
  indicators: readonly IndicatorItem[];
  /** Position in the rotation, from 0. */
  i: number;
  last: boolean;
  problems: SceneProblems[number] | undefined;
  edit: (patch: Partial<WallScene>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  /** The live preview of this scene: one at a time, only of a scene the wall already has. */
  preview?: { unit: string; open: boolean; saved: boolean; onToggle: () => void };
}) {
  const { t, lang } = useI18n();
  return (
    <li
      className={s.enabled ? 'admin-scene' : 'admin-scene admin-scene-off'}
      data-testid="scene-row"
      data-scene-id={s.id}
    >
      <div className="admin-scene-order">
        <span className="admin-scene-n">{i + 1}</span>
        <button
          type="button"
          aria-label={t('admin.wall.moveUp')}
          disabled={i === 0}
          onClick={() => {
            onMove(-1);
          }}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={t('admin.wall.moveDown')}
          disabled={last}
          onClick={() => {
            onMove(1);
          }}
        >
          ↓
        </button>
      </div>
      <Check
        label={t('admin.wall.enabled')}
        checked={s.enabled}
        onChange={(enabled) => {
          edit({ enabled });
        }}
      />
      <SelectField
        label={t('admin.wall.kind')}
        value={s.kind}
        options={SCENE_KINDS}
        optionLabel={(k) => t(SCENE_KIND_KEYS[k])}
        onValue={(kind) => {
          edit({ kind });
        }}
      />
      <Field
        label={t('admin.wall.duration')}
        errors={problems?.durationSec ? [t(problems.durationSec)] : undefined}
      >
        {(id, d) => (
          <input
            id={id}
            className="admin-narrow"
            inputMode="numeric"
            aria-describedby={d}
            value={Number.isNaN(s.durationSec) ? '' : String(s.durationSec)}
            onChange={(e) => {
              edit({
                durationSec: e.target.value.trim() === '' ? Number.NaN : Number(e.target.value),
              });
            }}
          />
        )}
      </Field>
      <Field
        label={t('admin.wall.measure')}
        errors={problems?.measure ? [t(problems.measure)] : undefined}
      >
        {(id, d) => (
          <span className="admin-inline">
            <select
              id={id}
              value={s.measure.kind}
              onChange={(e) => {
                edit({
                  measure: measureOfKind(e.target.value as SceneMeasure['kind']),
                });
              }}
            >
              {(['metric', 'indicator', 'none'] as const).map((k) => (
                <option key={k} value={k}>
                  {t(MEASURE_KEYS[k])}
                </option>
              ))}
            </select>
            {s.measure.kind === 'metric' && (
              <MetricSelect
                aria-label={t(MEASURE_KEYS.metric)}
                aria-describedby={d}
                value={s.measure.metric}
                onChange={(metric) => {
                  edit({ measure: { kind: 'metric', metric } });
                }}
              />
            )}
            {s.measure.kind === 'indicator' && (
              <IndicatorPicker
                indicators={indicators}
                chosen={s.measure.code === '' ? [] : [s.measure.code]}
                multiple={false}
                describedBy={d}
                onChange={(codes) => {
                  edit({ measure: { kind: 'indicator', code: codes[0] ?? '' } });
                }}
              />
            )}
          </span>
        )}
      </Field>
      <fieldset className="admin-overlays">
        <legend>{t('admin.wall.overlays')}</legend>
        {SCENE_OVERLAYS.map((o) => (
          <Check
            key={o}
            label={t(OVERLAY_KEYS[o])}
            checked={s.overlays.includes(o)}
            onChange={(on) => {
              edit({ overlays: on ? [...s.overlays, o] : s.overlays.filter((x) => x !== o) });
            }}
          />
        ))}
      </fieldset>
      {s.kind === 'cameras' && (
        <SceneCamerasField
          value={s.cameras}
          error={problems?.cameras ? t(problems.cameras) : undefined}
          onChange={(cameras) => {
            edit({ cameras });
          }}
        />
      )}
      <button
        type="button"
        className="admin-link-button"
        onClick={() => {
          onRemove();
        }}
      >
        {t('admin.wall.remove')}
      </button>
      {preview && (
        <button
          type="button"
          className="admin-link-button"
          data-testid="scene-preview-toggle"
          aria-expanded={preview.open}
          disabled={!preview.saved}
          title={preview.saved ? undefined : t('wallScreens.previewUnsaved')}
          onClick={preview.onToggle}
        >
          {preview.open ? t('wallScreens.previewClose') : t('wallScreens.preview')}
        </button>
      )}
      {problems?.id && <p className="admin-inline-error">{t(problems.id)}</p>}
      {preview?.open && (
        <ScenePreview
          unit={preview.unit}
          sceneId={s.id}
          sceneName={(lang === 'en' ? s.titleEn : s.titleVi) ?? t(SCENE_KIND_KEYS[s.kind])}
        />
      )}
    </li>
  );
}

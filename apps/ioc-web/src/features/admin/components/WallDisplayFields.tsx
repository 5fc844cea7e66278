import { wallDisplaySchema, type WallDisplay } from '@ioc/contracts';
import { useI18n } from '../../../shared/i18n/useI18n';
import { Field } from '../../../shared/ui/Field';
import { heightForArcMinutes, wallSizeMm, wallType } from '../../../shared/ui/wallTypography';
import { MIN_TEXT_ARC_MINUTES } from '@ioc/contracts';

/** The text sizes offered: the legible minimum and steps above it. */
const TEXT_SCALES = [0.9, 1, 1.15, 1.3, 1.5] as const;
/** What the read-out assumes the wall PC sends: one 1080p output across the panels. */
const REFERENCE_OUTPUT = { width: 1920, height: 1080 };

type NumberKey = 'panelDiagonalInch' | 'panelCols' | 'panelRows' | 'viewingDistanceM';

/** Problems of a display as the API would list them, by field. */
export function displayProblems(d: WallDisplay): Partial<Record<keyof WallDisplay, string[]>> {
  const r = wallDisplaySchema.safeParse(d);
  if (r.success) return {};
  const out: Partial<Record<keyof WallDisplay, string[]>> = {};
  for (const issue of r.error.issues) {
    const key = issue.path[0] as keyof WallDisplay;
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * The physical wall behind a unit's config: panel size and layout, the farthest seat that must
 * read it, and the text size. The read-out says what that means — the smallest text's height on
 * the glass and the angle it makes at that seat — and warns when the layout cannot grow that far.
 */
export function WallDisplayFields({
  value,
  onChange,
}: {
  value: WallDisplay;
  onChange: (next: WallDisplay) => void;
}) {
  const { t, num } = useI18n();
  const problems = displayProblems(value);
  const valid = Object.keys(problems).length === 0;
  const number = (key: NumberKey, label: string, step: number) => (
    <Field label={label} errors={problems[key]}>
      {(id, describedBy) => (
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step={step}
          value={Number.isNaN(value[key]) ? '' : value[key]}
          aria-describedby={describedBy}
          data-testid={`display-${key}`}
          onChange={(e) => {
            onChange({ ...value, [key]: e.target.valueAsNumber });
          }}
        />
      )}
    </Field>
  );
  const size = valid ? wallSizeMm(value) : null;
  const type = valid ? wallType(value, REFERENCE_OUTPUT) : null;
  const mmPerPx = size ? Math.min(size.width / 1920, size.height / 1080) : 0;
  return (
    <fieldset className="admin-fieldset admin-wall-display" data-testid="wall-display">
      <legend>{t('admin.wall.display')}</legend>
      <div className="admin-inline admin-wrap">
        {number('panelDiagonalInch', t('admin.wall.display.diagonal'), 1)}
        {number('panelCols', t('admin.wall.display.cols'), 1)}
        {number('panelRows', t('admin.wall.display.rows'), 1)}
        {number('viewingDistanceM', t('admin.wall.display.distance'), 0.5)}
        <Field label={t('admin.wall.display.textScale')} errors={problems.textScale}>
          {(id) => (
            <select
              id={id}
              value={String(value.textScale)}
              data-testid="display-textScale"
              onChange={(e) => {
                onChange({ ...value, textScale: Number(e.target.value) });
              }}
            >
              {TEXT_SCALES.map((s) => (
                <option key={s} value={String(s)}>
                  {t(s === 1 ? 'admin.wall.display.scaleMinimum' : 'admin.wall.display.scale', {
                    pct: num(s * 100, 0),
                  })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {size && type && (
        <p className="admin-hint" data-testid="wall-display-readout">
          {t('admin.wall.display.readout', {
            width: num(size.width / 1000, 2),
            height: num(size.height / 1000, 2),
            mm: num(type.remPx * mmPerPx, 0),
            arc: num(type.minArcMinutes, 1),
            min: num(MIN_TEXT_ARC_MINUTES, 0),
            distance: num(value.viewingDistanceM, 1),
            px: num(type.remPx, 0),
          })}
        </p>
      )}
      {type?.capped && (
        <p className="admin-inline-error" role="status" data-testid="wall-display-capped">
          {t('admin.wall.display.capped', {
            mm: num(heightForArcMinutes(MIN_TEXT_ARC_MINUTES, value.viewingDistanceM), 0),
          })}
        </p>
      )}
    </fieldset>
  );
}

import {
  defaultWallDisplay,
  defaultWallScenes,
  type WallDisplay,
  type WallScene,
} from '@ioc/contracts';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { fetchIndicators, fetchWallConfig, saveWallConfig } from '../model/endpoints';
import { moveScene, newScene, validateScenes } from '../model/scenes';
import { useResource } from '../hooks/useResource';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { errorText, problemsOf } from '../../../shared/ui/errorText';
import { Check } from '../../../shared/ui/Field';
import { ListState } from './ListState';
import { WallDisplayFields, displayProblems } from './WallDisplayFields';
import { WallSceneRow } from './WallSceneRow';

/**
 * The scenes a unit's wall rotates through. Edits stay local until saved, so a half-made
 * rotation never reaches the screens.
 */
export function WallScenesEditor({ unit }: { unit: string }) {
  const { t } = useI18n();
  const config = useResource((signal) => fetchWallConfig(unit, signal), [unit]);
  // For the indicator scenes' picker: the catalogue, found by name rather than typed as a code.
  const indicators = useResource((signal) => fetchIndicators(signal), []);
  const [scenes, setScenes] = useState<WallScene[] | null>(null);
  const [rotate, setRotate] = useState(true);
  const [display, setDisplay] = useState<WallDisplay>(defaultWallDisplay);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // One live preview at a time: each is a whole MapLibre wall.
  const [previewId, setPreviewId] = useState<string | null>(null);
  useEffect(() => {
    setPreviewId(null);
  }, [unit]);
  // The preview shows what the wall shows: the saved scenes.
  const savedIds = new Set((config.data?.scenes ?? []).map((s) => s.id));

  useEffect(() => {
    if (config.status === 'ready') {
      setScenes(config.data.scenes);
      setRotate(config.data.rotate);
      setDisplay(config.data.display);
      setStatus(null);
    }
  }, [config.status, config.data]);

  const { problems, noneEnabled } = validateScenes(scenes ?? []);
  const invalid =
    Object.keys(problems).length > 0 ||
    noneEnabled ||
    Object.keys(displayProblems(display)).length > 0;
  const edit = (i: number, patch: Partial<WallScene>) => {
    setScenes((list) => (list ?? []).map((s, j) => (j === i ? { ...s, ...patch } : s)));
    setStatus(null);
  };

  const save = (e: SyntheticEvent) => {
    e.preventDefault();
    if (scenes === null || invalid) return;
    setBusy(true);
    saveWallConfig(unit, { rotate, scenes, display }).then(
      (saved) => {
        setBusy(false);
        setScenes(saved.scenes);
        setDisplay(saved.display);
        setStatus({
          ok: true,
          text: t('admin.wall.saved', {
            time: formatDateTime(saved.updatedAt ? new Date(saved.updatedAt) : new Date()),
          }),
        });
      },
      (err: unknown) => {
        setBusy(false);
        const p = problemsOf(t, err);
        setStatus({
          ok: false,
          text: [errorText(t, err), ...p.form, ...Object.values(p.fields).flat()].join(' '),
        });
      },
    );
  };

  return (
    <form
      className="admin-form admin-scenes"
      onSubmit={save}
      noValidate
      data-testid="scenes-editor"
    >
      <h3>{t('admin.wall.scenes')}</h3>
      <ListState resource={config}>
        {(c) => (
          <>
            <p className="admin-hint">
              {c.updatedAt === null
                ? t('admin.wall.usingDefaults')
                : t('admin.wall.lastSaved', {
                    time: formatDateTime(new Date(c.updatedAt)),
                    who: c.updatedBy ?? '—',
                  })}
            </p>
            <WallDisplayFields
              value={display}
              onChange={(d) => {
                setDisplay(d);
                setStatus(null);
              }}
            />
            <Check label={t('admin.wall.rotate')} checked={rotate} onChange={setRotate} />
            {scenes !== null && scenes.length === 0 && (
              <div className="admin-state">{t('admin.wall.noScenes')}</div>
            )}
            <ol className="admin-scene-list">
              {(scenes ?? []).map((s, i) => (
                <WallSceneRow
                  key={`${String(i)}-${s.id}`}
                  scene={s}
                  indicators={indicators.data ?? []}
                  i={i}
                  last={i === (scenes?.length ?? 0) - 1}
                  problems={problems[i]}
                  edit={(patch) => {
                    edit(i, patch);
                  }}
                  onMove={(by) => {
                    setScenes(moveScene(scenes ?? [], i, by));
                  }}
                  onRemove={() => {
                    setScenes((scenes ?? []).filter((_, j) => j !== i));
                  }}
                  preview={{
                    unit,
                    open: previewId === s.id,
                    saved: savedIds.has(s.id),
                    onToggle: () => {
                      setPreviewId((current) => (current === s.id ? null : s.id));
                    },
                  }}
                />
              ))}
            </ol>
            {noneEnabled && (
              <p className="admin-inline-error">{t('admin.wall.error.noneEnabled')}</p>
            )}
            <div className="admin-form-actions">
              <button
                type="button"
                onClick={() => {
                  setScenes([...(scenes ?? []), newScene(scenes ?? [])]);
                }}
              >
                {t('admin.wall.addScene')}
              </button>
              <button
                type="button"
                onClick={() => {
                  setScenes(defaultWallScenes());
                  setRotate(true);
                  setDisplay(defaultWallDisplay());
                  setStatus({ ok: true, text: t('admin.wall.resetDone') });
                }}
              >
                {t('admin.wall.reset')}
              </button>
              <button
                type="submit"
                className="admin-primary"
                disabled={busy || invalid || scenes === null}
                data-testid="scenes-save"
              >
                {t('admin.save')}
              </button>
            </div>
            {status && (
              <p className={status.ok ? 'admin-ok' : 'admin-inline-error'} role="status">
                {status.text}
              </p>
            )}
          </>
        )}
      </ListState>
    </form>
  );
}

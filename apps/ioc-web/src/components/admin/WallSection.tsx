import { defaultWallScenes, type SceneMeasure, type WallScene } from '@ioc/contracts';
import { useEffect, useState, type SyntheticEvent } from 'react';
import {
  createDisplayToken,
  fetchDisplayTokens,
  fetchWallConfig,
  revokeDisplayToken,
  rotateDisplayToken,
  saveWallConfig,
} from '../../admin/endpoints';
import { OVERLAY_KEYS, SCENE_KIND_KEYS, SCENE_KINDS, SCENE_OVERLAYS } from '../../admin/labels';
import { measureOfKind, moveScene, newScene, validateScenes } from '../../admin/scenes';
import { unitLabel, useUnitDirectory } from '../../admin/unitDirectory';
import { useResource } from '../../admin/useResource';
import { formatDateTime } from '../../i18n/format';
import type { MessageKey } from '../../i18n/translate';
import { useI18n } from '../../i18n/useI18n';
import {
  ConfirmButton,
  errorText,
  Field,
  FormErrors,
  ListState,
  problemsOf,
  SecretBox,
} from './ui';
import { UnitSelect } from './UnitSelect';

const MEASURE_KEYS: Record<SceneMeasure['kind'], MessageKey> = {
  metric: 'admin.wall.measure.metric',
  indicator: 'admin.wall.measure.indicator',
  none: 'admin.wall.measure.none',
};

/** /admin/wall: the scenes a unit's wall rotates through, and the wall screens' display tokens. */
export function WallSection() {
  const { t } = useI18n();
  const dir = useUnitDirectory();
  const [unit, setUnit] = useState('48');
  return (
    <section className="admin-section" aria-labelledby="wall-title">
      <div className="admin-section-head">
        <h2 id="wall-title">{t('admin.wall.title')}</h2>
        <label>
          {t('admin.wall.unit')}{' '}
          <UnitSelect dir={dir} value={unit} onChange={setUnit} testId="wall-unit" />
        </label>
      </div>
      <ScenesEditor unit={unit} />
      <DisplayTokens unit={unit} unitName={unitLabel(dir, unit)} />
    </section>
  );
}

function ScenesEditor({ unit }: { unit: string }) {
  const { t } = useI18n();
  const config = useResource((signal) => fetchWallConfig(unit, signal), [unit]);
  const [scenes, setScenes] = useState<WallScene[] | null>(null);
  const [rotate, setRotate] = useState(true);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (config.status === 'ready') {
      setScenes(config.data.scenes);
      setRotate(config.data.rotate);
      setStatus(null);
    }
  }, [config.status, config.data]);

  const { problems, noneEnabled } = validateScenes(scenes ?? []);
  const invalid = Object.keys(problems).length > 0 || noneEnabled;
  const edit = (i: number, patch: Partial<WallScene>) => {
    setScenes((list) => (list ?? []).map((s, j) => (j === i ? { ...s, ...patch } : s)));
    setStatus(null);
  };

  const save = (e: SyntheticEvent) => {
    e.preventDefault();
    if (scenes === null || invalid) return;
    setBusy(true);
    saveWallConfig(unit, { rotate, scenes }).then(
      (saved) => {
        setBusy(false);
        setScenes(saved.scenes);
        setStatus({
          ok: true,
          text: t('admin.wall.saved', {
            time: formatDateTime(saved.updatedAt ? new Date(saved.updatedAt) : new Date()),
          }),
        });
      },
      (err: unknown) => {
        setBusy(false);
        const p = problemsOf(err);
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
      <ListState resource={config} isEmpty={() => false} emptyText="">
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
            <label className="admin-check">
              <input
                type="checkbox"
                checked={rotate}
                onChange={(e) => {
                  setRotate(e.target.checked);
                }}
              />{' '}
              {t('admin.wall.rotate')}
            </label>
            {scenes !== null && scenes.length === 0 && (
              <div className="admin-state">{t('admin.wall.noScenes')}</div>
            )}
            <ol className="admin-scene-list">
              {(scenes ?? []).map((s, i) => (
                <li
                  key={`${String(i)}-${s.id}`}
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
                        setScenes(moveScene(scenes ?? [], i, -1));
                      }}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      aria-label={t('admin.wall.moveDown')}
                      disabled={i === (scenes?.length ?? 0) - 1}
                      onClick={() => {
                        setScenes(moveScene(scenes ?? [], i, 1));
                      }}
                    >
                      ↓
                    </button>
                  </div>
                  <label className="admin-check">
                    <input
                      type="checkbox"
                      checked={s.enabled}
                      onChange={(e) => {
                        edit(i, { enabled: e.target.checked });
                      }}
                    />{' '}
                    {t('admin.wall.enabled')}
                  </label>
                  <Field label={t('admin.wall.kind')}>
                    {(id) => (
                      <select
                        id={id}
                        value={s.kind}
                        onChange={(e) => {
                          edit(i, { kind: e.target.value as WallScene['kind'] });
                        }}
                      >
                        {SCENE_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {t(SCENE_KIND_KEYS[k])}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field
                    label={t('admin.wall.duration')}
                    errors={problems[i]?.durationSec ? [t(problems[i].durationSec)] : undefined}
                  >
                    {(id, d) => (
                      <input
                        id={id}
                        className="admin-narrow"
                        inputMode="numeric"
                        aria-describedby={d}
                        value={Number.isNaN(s.durationSec) ? '' : String(s.durationSec)}
                        onChange={(e) => {
                          edit(i, {
                            durationSec:
                              e.target.value.trim() === '' ? Number.NaN : Number(e.target.value),
                          });
                        }}
                      />
                    )}
                  </Field>
                  <Field
                    label={t('admin.wall.measure')}
                    errors={problems[i]?.measure ? [t(problems[i].measure)] : undefined}
                  >
                    {(id, d) => (
                      <span className="admin-inline">
                        <select
                          id={id}
                          value={s.measure.kind}
                          onChange={(e) => {
                            edit(i, {
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
                        {s.measure.kind !== 'none' && (
                          <input
                            aria-label={t(MEASURE_KEYS[s.measure.kind])}
                            aria-describedby={d}
                            spellCheck={false}
                            value={s.measure.kind === 'metric' ? s.measure.metric : s.measure.code}
                            onChange={(e) => {
                              edit(i, {
                                measure:
                                  s.measure.kind === 'metric'
                                    ? { kind: 'metric', metric: e.target.value }
                                    : { kind: 'indicator', code: e.target.value },
                              });
                            }}
                          />
                        )}
                      </span>
                    )}
                  </Field>
                  <fieldset className="admin-overlays">
                    <legend>{t('admin.wall.overlays')}</legend>
                    {SCENE_OVERLAYS.map((o) => (
                      <label key={o} className="admin-check">
                        <input
                          type="checkbox"
                          checked={s.overlays.includes(o)}
                          onChange={(e) => {
                            edit(i, {
                              overlays: e.target.checked
                                ? [...s.overlays, o]
                                : s.overlays.filter((x) => x !== o),
                            });
                          }}
                        />{' '}
                        {t(OVERLAY_KEYS[o])}
                      </label>
                    ))}
                  </fieldset>
                  <button
                    type="button"
                    className="admin-link-button"
                    onClick={() => {
                      setScenes((scenes ?? []).filter((_, j) => j !== i));
                    }}
                  >
                    {t('admin.wall.remove')}
                  </button>
                  {problems[i]?.id && <p className="admin-inline-error">{t(problems[i].id)}</p>}
                </li>
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

function DisplayTokens({ unit, unitName }: { unit: string; unitName: string }) {
  const { t } = useI18n();
  const tokens = useResource((signal) => fetchDisplayTokens(signal), []);
  const [name, setName] = useState('');
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [form, setForm] = useState<string[]>([]);
  const [issued, setIssued] = useState<{ url: string; name: string } | null>(null);
  const [showRevoked, setShowRevoked] = useState(false);
  const dir = useUnitDirectory();

  const show = (r: { wallPath: string; displayToken: { name: string } }) => {
    setIssued({ url: `${window.location.origin}${r.wallPath}`, name: r.displayToken.name });
  };

  const create = (e: SyntheticEvent) => {
    e.preventDefault();
    if (name.trim() === '') {
      setFields({ name: [t('admin.error.required')] });
      return;
    }
    setFields({});
    setForm([]);
    createDisplayToken(name.trim(), unit).then(
      (r) => {
        show(r);
        setName('');
        tokens.reload();
      },
      (err: unknown) => {
        const p = problemsOf(err);
        setFields(p.fields);
        setForm([errorText(t, err), ...p.form]);
      },
    );
  };

  return (
    <div className="admin-subsection">
      <h3>{t('admin.wall.tokens')}</h3>
      {issued && (
        <SecretBox
          title={t('admin.wall.tokenTitle', { name: issued.name })}
          secret={issued.url}
          testId="wall-url"
          onClose={() => {
            setIssued(null);
          }}
        >
          <p className="admin-hint">{t('admin.wall.tokenHint')}</p>
        </SecretBox>
      )}
      <form
        className="admin-form admin-inline"
        onSubmit={create}
        noValidate
        data-testid="display-token-form"
      >
        <FormErrors messages={form} />
        <Field label={t('admin.wall.tokenName')} errors={fields['name']}>
          {(id, d) => (
            <input
              id={id}
              name="name"
              value={name}
              aria-describedby={d}
              placeholder={t('admin.wall.tokenNamePlaceholder')}
              onChange={(e) => {
                setName(e.target.value);
              }}
            />
          )}
        </Field>
        <button type="submit" className="admin-primary">
          {t('admin.wall.createToken', { unit: unitName })}
        </button>
      </form>
      <label className="admin-check">
        <input
          type="checkbox"
          checked={showRevoked}
          onChange={(e) => {
            setShowRevoked(e.target.checked);
          }}
        />{' '}
        {t('admin.wall.showRevoked')}
      </label>
      <ListState
        resource={tokens}
        isEmpty={(list) => list.filter((d) => showRevoked || d.revokedAt === null).length === 0}
        emptyText={t('admin.wall.noTokens')}
      >
        {(list) => (
          <table className="admin-table" data-testid="display-token-table">
            <thead>
              <tr>
                <th>{t('admin.wall.tokenName')}</th>
                <th>{t('admin.wall.unit')}</th>
                <th>{t('admin.wall.lastUsed')}</th>
                <th>{t('admin.wall.tokenState')}</th>
                <th>{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list
                .filter((d) => showRevoked || d.revokedAt === null)
                .map((d) => (
                  <tr key={d.id} data-testid="display-token-row">
                    <td>{d.name}</td>
                    <td>{unitLabel(dir, d.unitCode)}</td>
                    <td>
                      {d.lastUsedAt
                        ? formatDateTime(new Date(d.lastUsedAt))
                        : t('admin.devices.never')}
                    </td>
                    <td>
                      {d.revokedAt
                        ? t('admin.wall.revokedAt', { time: formatDateTime(new Date(d.revokedAt)) })
                        : t('admin.wall.active')}
                    </td>
                    <td className="admin-actions">
                      {d.revokedAt === null && (
                        <>
                          <ConfirmButton
                            label={t('admin.wall.rotateToken')}
                            question={t('admin.wall.rotateConfirm')}
                            onConfirm={async () => {
                              show(await rotateDisplayToken(d.id));
                              tokens.reload();
                            }}
                          />
                          <ConfirmButton
                            danger
                            label={t('admin.wall.revoke')}
                            question={t('admin.wall.revokeConfirm', { name: d.name })}
                            onConfirm={async () => {
                              await revokeDisplayToken(d.id);
                              tokens.reload();
                            }}
                          />
                        </>
                      )}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </ListState>
    </div>
  );
}

import { useState, type SyntheticEvent } from 'react';
import {
  createFeed,
  fetchFeedLiveness,
  fetchFeeds,
  fetchIndicators,
  revokeFeed,
  rotateFeedKey,
} from '../../admin/endpoints';
import { CADENCE_KEYS } from '../../admin/labels';
import { CADENCES, type FeedLiveness, type FeedView } from '../../admin/schemas';
import { useResource } from '../../admin/useResource';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/useI18n';
import {
  ConfirmButton,
  errorText,
  Field,
  FormErrors,
  ListState,
  problemsOf,
  SecretBox,
  splitList,
} from './ui';

const FEED_CODE = /^[a-z0-9][a-z0-9_-]{1,63}$/;

/** /admin/feeds: department/ward report feeds with their liveness; keys shown once. */
export function FeedsSection() {
  const { t, num } = useI18n();
  const feeds = useResource(async (signal) => {
    const [list, liveness] = await Promise.all([
      fetchFeeds(signal),
      // Liveness is extra information: a failure there must not hide the list.
      fetchFeedLiveness(signal).catch((): FeedLiveness[] => []),
    ]);
    return { list, liveness: new Map(liveness.map((l) => [l.feed, l])) };
  }, []);
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<{ code: string; key: string } | null>(null);

  const lastReport = (l: FeedLiveness | undefined): string => {
    const times = (l?.units ?? []).flatMap((u) =>
      u.lastReportAt ? [Date.parse(u.lastReportAt)] : [],
    );
    return times.length === 0
      ? t('admin.feeds.noReports')
      : formatDateTime(new Date(Math.max(...times)));
  };

  return (
    <section className="admin-section" aria-labelledby="feeds-title">
      <div className="admin-section-head">
        <h2 id="feeds-title">{t('admin.feeds.title')}</h2>
        {!adding && (
          <button
            type="button"
            className="admin-primary"
            onClick={() => {
              setAdding(true);
              setIssued(null);
            }}
          >
            {t('admin.feeds.add')}
          </button>
        )}
      </div>
      {issued && (
        <SecretBox
          title={t('admin.feeds.keyTitle', { code: issued.code })}
          secret={issued.key}
          testId="feed-key"
          onClose={() => {
            setIssued(null);
          }}
        >
          <p className="admin-hint">
            {t('admin.feeds.keyUsage')} <code>{`POST /api/v1/feeds/${issued.code}/reports`}</code>
          </p>
        </SecretBox>
      )}
      {adding && (
        <FeedForm
          onCancel={() => {
            setAdding(false);
          }}
          onCreated={(code, key) => {
            setAdding(false);
            setIssued({ code, key });
            feeds.reload();
          }}
        />
      )}
      <ListState
        resource={feeds}
        isEmpty={(d) => d.list.length === 0}
        emptyText={t('admin.feeds.empty')}
      >
        {(d) => (
          <table className="admin-table" data-testid="feed-table">
            <thead>
              <tr>
                <th>{t('admin.feeds.code')}</th>
                <th>{t('admin.feeds.name')}</th>
                <th>{t('admin.feeds.cadence')}</th>
                <th>{t('admin.feeds.liveness')}</th>
                <th>{t('admin.feeds.lastReport')}</th>
                <th>{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {d.list.map((f: FeedView) => {
                const l = d.liveness.get(f.code);
                return (
                  <tr key={f.code} data-testid="feed-row" data-code={f.code}>
                    <td>
                      <code>{f.code}</code>
                    </td>
                    <td>{f.name}</td>
                    <td>
                      {t(CADENCE_KEYS[f.cadence])} ·{' '}
                      {t('admin.feeds.dueDayShort', { day: f.dueDay })}
                    </td>
                    <td>
                      {l === undefined ? (
                        '—'
                      ) : (
                        <span
                          className={
                            l.overdueUnits > 0
                              ? 'admin-badge admin-badge-warn'
                              : 'admin-badge admin-badge-ok'
                          }
                        >
                          {t('admin.feeds.completeness', { pct: num(l.completeness * 100, 0) })}
                          {l.overdueUnits > 0 &&
                            ` · ${t('admin.feeds.overdue', { n: l.overdueUnits })}`}
                        </span>
                      )}
                    </td>
                    <td>{lastReport(l)}</td>
                    <td className="admin-actions">
                      <ConfirmButton
                        label={t('admin.feeds.rotate')}
                        question={t('admin.feeds.rotateConfirm')}
                        onConfirm={async () => {
                          const key = await rotateFeedKey(f.code, 'key rotated in the admin UI');
                          setIssued({ code: f.code, key });
                          feeds.reload();
                        }}
                      />
                      <ConfirmButton
                        danger
                        label={t('admin.feeds.revoke')}
                        question={t('admin.feeds.revokeConfirm', { code: f.code })}
                        onConfirm={async () => {
                          await revokeFeed(f.code, 'revoked in the admin UI');
                          feeds.reload();
                        }}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </ListState>
    </section>
  );
}

function FeedForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (code: string, key: string) => void;
}) {
  const { t, lang } = useI18n();
  const indicators = useResource((signal) => fetchIndicators(signal), []);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [cadence, setCadence] = useState<(typeof CADENCES)[number]>('monthly');
  const [dueDay, setDueDay] = useState('10');
  const [allowed, setAllowed] = useState<string[]>([]);
  const [units, setUnits] = useState('');
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [form, setForm] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = (e: SyntheticEvent) => {
    e.preventDefault();
    const f: Record<string, string[]> = {};
    if (!FEED_CODE.test(code.trim())) f['code'] = [t('admin.feeds.error.code')];
    if (name.trim() === '') f['name'] = [t('admin.error.required')];
    const day = Number(dueDay);
    if (!Number.isInteger(day) || day < 1 || day > 28)
      f['dueDay'] = [t('admin.feeds.error.dueDay')];
    const unitList = splitList(units);
    if (unitList.some((u) => !/^\d{2}(\d{3})?$/.test(u)))
      f['allowedUnits'] = [t('admin.devices.error.unit')];
    setFields(f);
    setForm([]);
    if (Object.keys(f).length > 0) return;
    setBusy(true);
    createFeed({
      code: code.trim(),
      name: name.trim(),
      cadence,
      dueDay: day,
      allowedIndicators: allowed.length > 0 ? allowed : null,
      allowedUnits: unitList.length > 0 ? unitList : null,
    }).then(
      (key) => {
        onCreated(code.trim(), key);
      },
      (err: unknown) => {
        setBusy(false);
        const p = problemsOf(err);
        setFields(p.fields);
        setForm(Object.keys(p.fields).length > 0 ? p.form : [errorText(t, err), ...p.form]);
      },
    );
  };

  return (
    <form className="admin-form" onSubmit={submit} noValidate data-testid="feed-form">
      <h3>{t('admin.feeds.addTitle')}</h3>
      <FormErrors messages={form} />
      <div className="admin-inline">
        <Field
          label={t('admin.feeds.code')}
          errors={fields['code']}
          hint={t('admin.feeds.codeHint')}
        >
          {(id, d) => (
            <input
              id={id}
              name="code"
              value={code}
              aria-describedby={d}
              spellCheck={false}
              onChange={(e) => {
                setCode(e.target.value);
              }}
            />
          )}
        </Field>
        <Field label={t('admin.feeds.name')} errors={fields['name']}>
          {(id, d) => (
            <input
              id={id}
              name="name"
              value={name}
              aria-describedby={d}
              onChange={(e) => {
                setName(e.target.value);
              }}
            />
          )}
        </Field>
      </div>
      <div className="admin-inline">
        <Field label={t('admin.feeds.cadence')} errors={fields['cadence']}>
          {(id) => (
            <select
              id={id}
              value={cadence}
              onChange={(e) => {
                setCadence(e.target.value as (typeof CADENCES)[number]);
              }}
            >
              {CADENCES.map((c) => (
                <option key={c} value={c}>
                  {t(CADENCE_KEYS[c])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('admin.feeds.dueDay')}
          errors={fields['dueDay']}
          hint={t('admin.feeds.dueDayHint')}
        >
          {(id, d) => (
            <input
              id={id}
              name="dueDay"
              inputMode="numeric"
              value={dueDay}
              aria-describedby={d}
              onChange={(e) => {
                setDueDay(e.target.value);
              }}
            />
          )}
        </Field>
      </div>
      <Field
        label={t('admin.feeds.allowedIndicators')}
        errors={fields['allowedIndicators']}
        hint={t('admin.feeds.allowedIndicatorsHint')}
      >
        {(id, d) => (
          <select
            id={id}
            multiple
            size={6}
            aria-describedby={d}
            value={allowed}
            onChange={(e) => {
              setAllowed([...e.target.selectedOptions].map((o) => o.value));
            }}
          >
            {(indicators.data ?? []).map((i) => (
              <option key={i.code} value={i.code}>
                {`${i.code} — ${lang === 'vi' ? i.nameVi : i.nameEn}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('admin.feeds.allowedUnits')}
        errors={fields['allowedUnits']}
        hint={t('admin.feeds.allowedUnitsHint')}
      >
        {(id, d) => (
          <input
            id={id}
            name="allowedUnits"
            value={units}
            aria-describedby={d}
            placeholder="20314, 20320"
            onChange={(e) => {
              setUnits(e.target.value);
            }}
          />
        )}
      </Field>
      <div className="admin-form-actions">
        <button type="submit" className="admin-primary" disabled={busy}>
          {t('admin.feeds.create')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('admin.cancel')}
        </button>
      </div>
    </form>
  );
}

import { useEffect, useState, type SyntheticEvent } from 'react';
import {
  ALERT_SEVERITIES,
  notificationPreferencesSchema,
  type NotificationPreferencesWire,
} from '@ioc/contracts';
import { apiGet, apiSend } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/useI18n';
import { currentPushState, disablePush, enablePush, type PushState } from '../model/push';
import { SEVERITY_KEYS } from './format';

const QUIET_DEFAULT = { start: '22:00', end: '06:00' };

/**
 * The signed-in person's notifications: Web Push on this device (asks the browser's
 * permission), and which alerts assigned to them reach them, how, and when (quiet hours).
 */
export function NotificationSettings() {
  const { t } = useI18n();
  const [push, setPush] = useState<PushState | 'busy'>('busy');
  const [prefs, setPrefs] = useState<NotificationPreferencesWire | null>(null);
  const [saved, setSaved] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');

  useEffect(() => {
    void currentPushState().then(setPush, () => {
      setPush('unsupported');
    });
    void apiGet('/api/v1/me/notification-preferences').then(
      (v) => {
        setPrefs(notificationPreferencesSchema.parse(v));
      },
      () => undefined,
    );
  }, []);

  const toggle = () => {
    const next = push === 'on' ? disablePush() : enablePush();
    setPush('busy');
    next.then(setPush, () => {
      setPush('off');
    });
  };

  const save = (e: SyntheticEvent) => {
    e.preventDefault();
    if (!prefs) return;
    setSaved('saving');
    apiSend('PUT', '/api/v1/me/notification-preferences', prefs).then(
      () => {
        setSaved('saved');
      },
      () => {
        setSaved('error');
      },
    );
  };

  const change = (p: Partial<NotificationPreferencesWire>) => {
    setPrefs((old) => (old ? { ...old, ...p } : old));
    setSaved('idle');
  };

  return (
    <section
      className="tablet-section"
      aria-labelledby="tablet-notify-title"
      data-testid="notification-settings"
    >
      <h2 id="tablet-notify-title">{t('tablet.notify.title')}</h2>
      <p className="tablet-meta" data-testid="push-state" data-state={push}>
        {t(`tablet.notify.push.${push}`)}
      </p>
      {push !== 'unsupported' && push !== 'denied' && (
        <button
          type="button"
          className="tablet-button"
          data-testid="push-toggle"
          disabled={push === 'busy'}
          onClick={toggle}
        >
          {t(push === 'on' ? 'tablet.notify.disable' : 'tablet.notify.enable')}
        </button>
      )}
      {prefs && (
        <form className="tablet-notify-form" onSubmit={save} data-testid="notify-prefs">
          <label>
            <input
              type="checkbox"
              checked={prefs.email}
              onChange={(e) => {
                change({ email: e.target.checked });
              }}
            />{' '}
            {t('tablet.notify.email')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={prefs.push}
              onChange={(e) => {
                change({ push: e.target.checked });
              }}
            />{' '}
            {t('tablet.notify.pushChannel')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={prefs.sms}
              onChange={(e) => {
                change({ sms: e.target.checked });
              }}
            />{' '}
            {t('tablet.notify.sms')}
          </label>
          <label>
            {t('tablet.notify.minSeverity')}{' '}
            <select
              value={prefs.minSeverity}
              onChange={(e) => {
                const v = ALERT_SEVERITIES.find((s) => s === e.target.value);
                if (v) change({ minSeverity: v });
              }}
            >
              {ALERT_SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(SEVERITY_KEYS[s])}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              checked={prefs.quietHours !== null}
              onChange={(e) => {
                change({ quietHours: e.target.checked ? QUIET_DEFAULT : null });
              }}
            />{' '}
            {t('tablet.notify.quiet')}
          </label>
          {prefs.quietHours && (
            <span className="tablet-notify-quiet">
              <input
                type="time"
                aria-label={t('tablet.notify.quietStart')}
                value={prefs.quietHours.start}
                onChange={(e) => {
                  change({
                    quietHours: { start: e.target.value, end: prefs.quietHours?.end ?? '06:00' },
                  });
                }}
              />
              {' – '}
              <input
                type="time"
                aria-label={t('tablet.notify.quietEnd')}
                value={prefs.quietHours.end}
                onChange={(e) => {
                  change({
                    quietHours: { start: prefs.quietHours?.start ?? '22:00', end: e.target.value },
                  });
                }}
              />
            </span>
          )}
          <p className="tablet-meta">{t('tablet.notify.quietHint')}</p>
          <button type="submit" className="tablet-button" disabled={saved === 'saving'}>
            {t('tablet.notify.save')}
          </button>
          {saved === 'saved' && <span role="status"> {t('tablet.notify.saved')}</span>}
          {saved === 'error' && <span role="alert"> {t('tablet.notify.saveFailed')}</span>}
        </form>
      )}
    </section>
  );
}

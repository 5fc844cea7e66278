import { useI18n } from '../../../shared/i18n/useI18n';
import type { MessageKey } from '../../../shared/i18n/translate';
import { observationTopic, staExamples, type StaExample } from '../model/sensorThings';

const EXAMPLE_KEYS: Record<StaExample['id'], MessageKey> = {
  things: 'openData.sta.example.things',
  expand: 'openData.sta.example.expand',
  filter: 'openData.sta.example.filter',
};

/** How to read sensor data: the SensorThings root, a few queries to try, the MQTT topics. */
export function SensorThingsSection({ root }: { root: string }) {
  const { t } = useI18n();
  return (
    <section className="open-data-panel" aria-labelledby="sta-title" data-testid="sta-section">
      <h2 id="sta-title">{t('openData.sta.title')}</h2>
      <p>{t('openData.sta.lead')}</p>
      <p>
        {t('openData.sta.root')}:{' '}
        <a href={root} data-testid="sta-root">
          <code>{root}</code>
        </a>
      </p>
      <h3>{t('openData.sta.examples')}</h3>
      <ul className="open-data-examples">
        {staExamples(root).map((e) => (
          <li key={e.id}>
            <span>{t(EXAMPLE_KEYS[e.id])}</span>
            <a href={e.href} data-testid="sta-example" data-example={e.id}>
              <code>{e.text}</code>
            </a>
          </li>
        ))}
      </ul>
      <h3>{t('openData.sta.mqtt')}</h3>
      <p>{t('openData.sta.mqttLead')}</p>
      <pre className="open-data-code" data-testid="sta-mqtt-topic">
        <code>{observationTopic(root, '{id}')}</code>
      </pre>
      <p className="open-data-muted">{t('openData.sta.mqttId', { id: '{id}' })}</p>
    </section>
  );
}

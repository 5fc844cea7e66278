import { useI18n } from '../../../shared/i18n/useI18n';
import { SecretBox } from './SecretBox';

export interface Issued {
  id: string;
  token: string;
  topic: string;
  rotated: boolean;
}

/** A device's new MQTT token, with what the installer needs to connect it (shown once). */
export function IssuedDeviceToken({ issued, onClose }: { issued: Issued; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <SecretBox
      title={
        issued.rotated
          ? t('admin.devices.rotatedTitle', { id: issued.id })
          : t('admin.devices.tokenTitle', { id: issued.id })
      }
      secret={issued.token}
      testId="device-token"
      onClose={onClose}
    >
      <dl className="admin-facts">
        <dt>{t('admin.devices.mqttUser')}</dt>
        <dd>
          <code>{issued.id}</code>
        </dd>
        <dt>{t('admin.devices.mqttTopic')}</dt>
        <dd>
          <code data-testid="device-topic">{issued.topic}</code>
        </dd>
        <dt>{t('admin.devices.example')}</dt>
        <dd>
          <code className="admin-code-block">
            {`mosquitto_pub -u ${issued.id} -P <token> -t ${issued.topic} -m '{"values":{"pm25":12.5}}'`}
          </code>
        </dd>
      </dl>
    </SecretBox>
  );
}

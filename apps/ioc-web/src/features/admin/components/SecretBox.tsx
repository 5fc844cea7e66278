import { useState, type ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n/useI18n';

/** A secret the API shows once (token, key, wall URL), with a copy button. */
export function SecretBox({
  title,
  secret,
  testId,
  children,
  onClose,
}: {
  title: string;
  secret: string;
  testId: string;
  children?: ReactNode;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  return (
    <section className="admin-secret" role="status" data-testid={testId}>
      <h3>{title}</h3>
      <p className="admin-secret-warning">{t('admin.secret.once')}</p>
      <div className="admin-secret-row">
        <input
          readOnly
          value={secret}
          aria-label={title}
          data-testid={`${testId}-value`}
          onFocus={(e) => {
            e.currentTarget.select();
          }}
        />
        <button
          type="button"
          onClick={() => {
            navigator.clipboard.writeText(secret).then(
              () => {
                setCopied('yes');
              },
              () => {
                setCopied('failed');
              },
            );
          }}
        >
          {copied === 'yes' ? t('admin.secret.copied') : t('admin.secret.copy')}
        </button>
      </div>
      {copied === 'failed' && <p className="admin-hint">{t('admin.secret.copyFailed')}</p>}
      {children}
      <button type="button" className="admin-link-button" onClick={onClose}>
        {t('admin.secret.done')}
      </button>
    </section>
  );
}

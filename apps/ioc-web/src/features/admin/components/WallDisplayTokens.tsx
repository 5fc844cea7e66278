import { useState, type SyntheticEvent } from 'react';
import {
  createDisplayToken,
  fetchDisplayTokens,
  revokeDisplayToken,
  rotateDisplayToken,
} from '../model/endpoints';
import { unitLabel, useUnitDirectory } from '../model/unitDirectory';
import { useResource } from '../hooks/useResource';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { AdminTable } from './AdminSection';
import { ConfirmButton } from './ConfirmButton';
import { Check, FormErrors, TextField } from '../../../shared/ui/Field';
import { ListState } from './ListState';
import { SecretBox } from './SecretBox';
import { useFormProblems } from '../../../shared/ui/useFormProblems';

/** The wall screens' display tokens; a new or rotated one is shown once, as the wall's URL. */
export function WallDisplayTokens({ unit, unitName }: { unit: string; unitName: string }) {
  const { t } = useI18n();
  const tokens = useResource((signal) => fetchDisplayTokens(signal), []);
  const [name, setName] = useState('');
  const { fields, form, begin, fail, setFields } = useFormProblems();
  const [issued, setIssued] = useState<{ url: string; name: string } | null>(null);
  const [showRevoked, setShowRevoked] = useState(false);
  const dir = useUnitDirectory();

  const show = (r: { wallPath: string; displayToken: { name: string } }) => {
    setIssued({ url: `${window.location.origin}${r.wallPath}`, name: r.displayToken.name });
  };

  const create = (e: SyntheticEvent) => {
    e.preventDefault();
    if (name.trim() === '') {
      // Only the field: an earlier refusal above the form stays until the next try.
      setFields({ name: [t('admin.error.required')] });
      return;
    }
    begin({});
    createDisplayToken(name.trim(), unit).then(
      (r) => {
        show(r);
        setName('');
        tokens.reload();
      },
      (err: unknown) => {
        fail(err, true);
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
        <TextField
          label={t('admin.wall.tokenName')}
          errors={fields['name']}
          name="name"
          value={name}
          placeholder={t('admin.wall.tokenNamePlaceholder')}
          onValue={setName}
        />
        <button type="submit" className="admin-primary">
          {t('admin.wall.createToken', { unit: unitName })}
        </button>
      </form>
      <Check label={t('admin.wall.showRevoked')} checked={showRevoked} onChange={setShowRevoked} />
      <ListState
        resource={tokens}
        isEmpty={(list) => list.filter((d) => showRevoked || d.revokedAt === null).length === 0}
        emptyText={t('admin.wall.noTokens')}
      >
        {(list) => (
          <AdminTable
            testId="display-token-table"
            headers={[
              t('admin.wall.tokenName'),
              t('admin.wall.unit'),
              t('admin.wall.lastUsed'),
              t('admin.wall.tokenState'),
              t('admin.actions'),
            ]}
          >
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
          </AdminTable>
        )}
      </ListState>
    </div>
  );
}

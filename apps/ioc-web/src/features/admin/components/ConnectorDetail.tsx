import { useState } from 'react';
import type { ConnectorView, connectorDryRunResponse } from '@ioc/contracts';
import type { z } from 'zod';
import {
  dryRunConnector,
  fetchConnectorRuns,
  fetchDeadLetters,
  runConnector,
  setConnectorPaused,
} from '../model/connectorEndpoints';
import { useResource } from '../hooks/useResource';
import { useI18n } from '../../../shared/i18n/useI18n';
import { errorText } from '../../../shared/ui/errorText';
import { ConnectorDryRun } from './ConnectorDryRun';
import { ConnectorDeadLetters, ConnectorRuns } from './ConnectorRuns';
import { ListState } from './ListState';

type Busy = 'dry' | 'run' | 'pause' | null;

/**
 * One connector at work: dry run (nothing written), run now, pause/resume, then its run
 * history and the records it rejected. `onChanged` reloads the list (paused, last run).
 */
export function ConnectorDetail({
  connector: c,
  onChanged,
  onClose,
}: {
  connector: ConnectorView;
  onChanged: () => void;
  onClose: () => void;
}) {
  const { t, num } = useI18n();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dry, setDry] = useState<z.output<typeof connectorDryRunResponse> | null>(null);
  const history = useResource(
    async (signal) => {
      const [runs, dead] = await Promise.all([
        fetchConnectorRuns(c.id, signal),
        fetchDeadLetters(c.id, signal),
      ]);
      return { runs, dead };
    },
    [c.id],
  );

  const act = (kind: Exclude<Busy, null>, work: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    setNotice(null);
    work().then(
      () => {
        setBusy(null);
      },
      (err: unknown) => {
        setBusy(null);
        setError(errorText(t, err));
      },
    );
  };

  return (
    <section
      className="admin-form"
      data-testid="connector-detail"
      data-id={c.id}
      aria-labelledby="connector-detail-title"
    >
      <div className="admin-section-head">
        <h3 id="connector-detail-title">{t('admin.connectors.detailTitle', { name: c.name })}</h3>
        <button type="button" onClick={onClose}>
          {t('admin.connectors.close')}
        </button>
      </div>
      <div className="admin-actions">
        <button
          type="button"
          className="admin-primary"
          data-testid="connector-dry-run-button"
          disabled={busy !== null}
          onClick={() => {
            act('dry', async () => {
              setDry(await dryRunConnector(c.id));
            });
          }}
        >
          {busy === 'dry' ? t('admin.connectors.busy') : t('admin.connectors.dryRun')}
        </button>
        <button
          type="button"
          data-testid="connector-run-button"
          disabled={busy !== null}
          onClick={() => {
            act('run', async () => {
              const run = await runConnector(c.id);
              setNotice(
                t('admin.connectors.ran', {
                  in: num(run.recordsIn, 0),
                  upserted: num(run.recordsUpserted, 0),
                  rejected: num(run.recordsRejected, 0),
                }),
              );
              history.reload();
              onChanged();
            });
          }}
        >
          {busy === 'run' ? t('admin.connectors.busy') : t('admin.connectors.runNow')}
        </button>
        <button
          type="button"
          data-testid="connector-pause-button"
          disabled={busy !== null}
          onClick={() => {
            act('pause', async () => {
              await setConnectorPaused(c.id, !c.paused);
              onChanged();
            });
          }}
        >
          {c.paused ? t('admin.connectors.resume') : t('admin.connectors.pause')}
        </button>
      </div>
      {error !== null && (
        <p className="admin-state-error" role="alert" data-testid="connector-error">
          {error}
        </p>
      )}
      {notice !== null && (
        <p className="admin-hint" role="status" data-testid="connector-notice">
          {notice}
        </p>
      )}
      {dry !== null && <ConnectorDryRun result={dry} />}
      <ListState resource={history}>
        {(d) => (
          <>
            <ConnectorRuns runs={d.runs} />
            <ConnectorDeadLetters items={d.dead} />
          </>
        )}
      </ListState>
    </section>
  );
}

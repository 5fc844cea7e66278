import { useState } from 'react';
import { fetchFeedBoard, fetchFeeds, revokeFeed, rotateFeedKey } from '../model/endpoints';
import { CADENCE_KEYS } from '../model/labels';
import type { ConnectorLiveness, FeedView } from '@ioc/contracts';
import type { FeedLiveness } from '../../../shared/api/adminSchemas';
import { useResource } from '../hooks/useResource';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { AddButton, AdminSection, AdminTable } from './AdminSection';
import { ConfirmButton } from './ConfirmButton';
import { ConnectorLivenessTable } from './ConnectorLivenessTable';
import { FeedForm } from './FeedForm';
import { ListState } from './ListState';
import { SecretBox } from './SecretBox';

/** /admin/feeds: department/ward report feeds with their liveness; keys shown once. */
export function FeedsSection() {
  const { t, num } = useI18n();
  const feeds = useResource(async (signal) => {
    const [list, board] = await Promise.all([
      fetchFeeds(signal),
      // Liveness is extra information: a failure there must not hide the list.
      fetchFeedBoard(signal).catch(() => ({
        feeds: [] as FeedLiveness[],
        connectors: [] as ConnectorLiveness[],
        asOf: new Date().toISOString(),
      })),
    ]);
    return {
      list,
      liveness: new Map(board.feeds.map((l) => [l.feed, l])),
      connectors: board.connectors,
      asOf: Date.parse(board.asOf),
    };
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
    <AdminSection
      name="feeds"
      title={t('admin.feeds.title')}
      action={
        !adding && (
          <AddButton
            label={t('admin.feeds.add')}
            onClick={() => {
              setAdding(true);
              setIssued(null);
            }}
          />
        )
      }
    >
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
          <AdminTable
            testId="feed-table"
            headers={[
              t('admin.feeds.code'),
              t('admin.feeds.name'),
              t('admin.feeds.cadence'),
              t('admin.feeds.liveness'),
              t('admin.feeds.lastReport'),
              t('admin.actions'),
            ]}
          >
            {d.list.map((f: FeedView) => {
              const l = d.liveness.get(f.code);
              return (
                <tr key={f.code} data-testid="feed-row" data-code={f.code}>
                  <td>
                    <code>{f.code}</code>
                  </td>
                  <td>{f.name}</td>
                  <td>
                    {t(CADENCE_KEYS[f.cadence])} · {t('admin.feeds.dueDayShort', { day: f.dueDay })}
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
          </AdminTable>
        )}
      </ListState>
      {feeds.data !== null && (
        <ConnectorLivenessTable connectors={feeds.data.connectors} now={feeds.data.asOf} />
      )}
    </AdminSection>
  );
}

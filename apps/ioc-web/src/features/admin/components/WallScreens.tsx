import { SCREEN_REPORT_INTERVAL_MS } from '@ioc/contracts';
import { useEffect } from 'react';
import { fetchWallScreens } from '../model/endpoints';
import { SCENE_KIND_KEYS } from '../model/labels';
import { lastSeenAgo } from '../model/screens';
import { useResource } from '../hooks/useResource';
import { formatDateTime } from '../../../shared/i18n/format';
import { useI18n } from '../../../shared/i18n/useI18n';
import { useClock } from '../../../shared/ui/useClock';
import { AdminTable } from './AdminSection';
import { ListState } from './ListState';

/**
 * "Màn hình": every wall screen that reported in with its display token — which unit, tile and
 * scene it shows, its resolution, when it last reported and whether it is still online.
 * Refreshed as often as the screens report.
 */
export function WallScreens() {
  const { t, num } = useI18n();
  const screens = useResource((signal) => fetchWallScreens(signal), []);
  const now = useClock(SCREEN_REPORT_INTERVAL_MS);
  const { reload } = screens;
  useEffect(() => {
    const timer = setInterval(reload, SCREEN_REPORT_INTERVAL_MS);
    return () => {
      clearInterval(timer);
    };
  }, [reload]);

  return (
    <div className="admin-subsection" data-testid="wall-screens">
      <h3>{t('wallScreens.title')}</h3>
      <p className="admin-hint">{t('wallScreens.hint')}</p>
      <p className="admin-hint">{t('wallScreens.kioskHint')}</p>
      <ListState
        resource={screens}
        isEmpty={(list) => list.length === 0}
        emptyText={t('wallScreens.empty')}
      >
        {(list) => (
          <AdminTable
            testId="wall-screen-table"
            headers={[
              t('wallScreens.col.name'),
              t('wallScreens.col.unit'),
              t('wallScreens.col.tile'),
              t('wallScreens.col.scene'),
              t('wallScreens.col.resolution'),
              t('wallScreens.col.lastSeen'),
              t('wallScreens.col.status'),
            ]}
          >
            {list.map((s) => {
              const ago = lastSeenAgo(s.lastSeenAt, now);
              return (
                <tr
                  key={`${s.tokenId}-${String(s.tile)}`}
                  data-testid="wall-screen-row"
                  data-token-id={s.tokenId}
                  data-tile={s.tile}
                  data-online={s.online}
                  data-scene-id={s.sceneId ?? ''}
                >
                  <td>
                    {s.tokenName}
                    {s.kiosk && <small className="admin-hint"> · {t('wallScreens.kiosk')}</small>}
                  </td>
                  <td>{s.unitName ?? s.unitCode}</td>
                  <td data-testid="wall-screen-tile">
                    {t('wallScreens.tile', {
                      n: num(s.tile, 0),
                      total: num(s.tiles.cols * s.tiles.rows, 0),
                    })}
                  </td>
                  <td data-testid="wall-screen-scene">
                    {s.sceneKind ? t(SCENE_KIND_KEYS[s.sceneKind]) : t('wallScreens.noScene')}
                  </td>
                  <td>{`${String(s.viewport.width)}×${String(s.viewport.height)}`}</td>
                  <td title={formatDateTime(new Date(s.lastSeenAt))}>
                    {t(ago.key, { n: num(ago.n, 0) })}
                  </td>
                  <td>
                    <span
                      className={`admin-badge ${s.online ? 'admin-badge-ok' : 'admin-badge-warn'}`}
                      data-testid="wall-screen-status"
                    >
                      {s.online ? t('wallScreens.online') : t('wallScreens.offline')}
                    </span>
                  </td>
                </tr>
              );
            })}
          </AdminTable>
        )}
      </ListState>
    </div>
  );
}

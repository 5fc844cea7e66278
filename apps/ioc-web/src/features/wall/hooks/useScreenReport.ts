import { SCREEN_REPORT_INTERVAL_MS } from '@ioc/contracts';
import { useEffect, useRef } from 'react';
import { apiReport } from '../../../shared/api/client';
import type { DisplayParams } from '../../../shared/api/urlParams';
import { buildOf, reportsIn, screenReport } from '../model/screenReport';
import type { SceneSlot } from '../model/sceneClock';

/**
 * A display-token screen reports what it shows every 30 s and at once when its scene changes,
 * so the admin list says which screen shows which tile and scene and which went dark. A failed
 * report is dropped: the next one says the same, and the wall must never stall on it.
 */
export function useScreenReport(params: DisplayParams, slot: SceneSlot | null): void {
  const slotRef = useRef(slot);
  slotRef.current = slot;
  const sceneId = slot?.scene.id ?? null;
  const enabled = reportsIn(params);

  useEffect(() => {
    if (!enabled) return undefined;
    const ctrl = new AbortController();
    const send = (): void => {
      const body = screenReport({
        params,
        slot: slotRef.current,
        viewport: { width: window.innerWidth, height: window.innerHeight },
        build: buildOf([...document.querySelectorAll<HTMLScriptElement>('script[src]')]),
      });
      apiReport('/api/v1/wall/screens/report', body, ctrl.signal).catch(() => undefined);
    };
    send();
    const timer = setInterval(send, SCREEN_REPORT_INTERVAL_MS);
    return () => {
      clearInterval(timer);
      ctrl.abort();
    };
    // `params` are read once per page (displayParams()); a scene change reports at once.
  }, [enabled, sceneId]);
}

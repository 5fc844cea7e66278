import type { CitizenChanged } from '@ioc/contracts';
import { useEffect, useRef } from 'react';
import { readToken } from '../api/session';
import { liveSocketUrl } from '../live/liveFeed';
import { ReconnectingSocket } from '../live/wsClient';

/** A burst of pushes (a batch of steps, an overdue sweep) costs one reload. */
const PUSH_SETTLE_MS = 800;

/**
 * Calls `onChange` shortly after the live socket announces a change to a citizen report of
 * `unit` or a unit below it (`citizen` messages on `unit:<code>`, issue 14), and after a
 * reconnect (changes sent while away are gone). The screens that need more than "something
 * changed" (the wall's map) read the messages from the wall's own feed instead.
 */
export function useCitizenPushes(
  unit: string | null,
  onChange: (changes: readonly CitizenChanged[]) => void,
): void {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  useEffect(() => {
    if (unit === null) return undefined;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let batch: CitizenChanged[] = [];
    const flush = (): void => {
      timer = null;
      const changes = batch;
      batch = [];
      onChangeRef.current(changes);
    };
    const socket = new ReconnectingSocket({
      url: () => liveSocketUrl(window.location, readToken()),
      authToken: readToken,
      channels: [`unit:${unit}`],
      onMessage: (msg) => {
        if (msg.type !== 'citizen') return;
        batch.push(msg.citizen);
        timer ??= setTimeout(flush, PUSH_SETTLE_MS);
      },
      onReconnected: () => {
        timer ??= setTimeout(flush, PUSH_SETTLE_MS);
      },
    });
    socket.start();
    return () => {
      if (timer !== null) clearTimeout(timer);
      socket.stop();
    };
  }, [unit]);
}

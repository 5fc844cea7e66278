import { withToken } from './tokenTiming';
import type { OnTransportFailure, Transport } from './transport';

/**
 * HLS with hls.js, imported on first use so the player stays out of the main bundle (a wall with
 * no camera scene never loads it). Every request — playlists and segments — is opened with the
 * current viewing token: `token()` is read per request, so a renewed token is used at once
 * without recreating the player.
 */
export async function startHls(
  video: HTMLVideoElement,
  url: string,
  token: () => string,
  onFailure: OnTransportFailure,
): Promise<Transport> {
  const { default: Hls } = await import('hls.js');
  if (!Hls.isSupported()) {
    // Safari and iOS play HLS natively; the query carries the token on the playlist, and the
    // media server repeats it in the URLs it writes (MediaMTX does).
    video.src = withToken(url, token());
    const onError = () => {
      onFailure('native HLS error');
    };
    video.addEventListener('error', onError);
    void video.play().catch(() => undefined);
    return {
      kind: 'hls',
      destroy() {
        video.removeEventListener('error', onError);
        video.removeAttribute('src');
        video.load();
      },
    };
  }
  const hls = new Hls({
    lowLatencyMode: true,
    // A wall tile is live TV: stay near the edge, keep little behind (memory on a 9-tile grid).
    liveSyncDurationCount: 3,
    backBufferLength: 10,
    maxBufferLength: 10,
    xhrSetup(xhr, requestUrl) {
      xhr.open('GET', withToken(requestUrl, token()), true);
    },
  });
  let failed = false;
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (!data.fatal || failed) return;
    failed = true;
    onFailure(`hls ${data.type}: ${data.details}`);
  });
  hls.on(Hls.Events.MANIFEST_PARSED, () => {
    void video.play().catch(() => undefined);
  });
  hls.attachMedia(video);
  hls.loadSource(withToken(url, token()));
  return {
    kind: 'hls',
    destroy() {
      failed = true;
      hls.destroy();
      video.removeAttribute('src');
      video.load();
    },
  };
}

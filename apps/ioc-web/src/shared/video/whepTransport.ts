import { MediaHttpError, type OnTransportFailure, type Transport } from './transport';

/** ICE candidates gathered by then go in the offer; the rest would need trickle (PATCH). */
const ICE_GATHER_MS = 2_000;
const WHEP_ANSWER_TIMEOUT_MS = 10_000;

function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      pc.removeEventListener('icegatheringstatechange', check);
      clearTimeout(timer);
      resolve();
    };
    const check = () => {
      if (pc.iceGatheringState === 'complete') done();
    };
    const timer = setTimeout(done, ICE_GATHER_MS);
    pc.addEventListener('icegatheringstatechange', check);
  });
}

/**
 * WebRTC through WHEP (RFC 9725), as MediaMTX and go2rtc serve it: a receive-only offer POSTed
 * as application/sdp to the endpoint (token in its query), the answer set as the remote
 * description, the session deleted at its Location when the tile lets go. Sub-second latency,
 * so it is preferred; any failure falls back to HLS.
 */
export async function startWhep(
  video: HTMLVideoElement,
  url: string,
  onFailure: OnTransportFailure,
): Promise<Transport> {
  const pc = new RTCPeerConnection();
  let closed = false;
  let location: string | null = null;
  const destroy = () => {
    if (closed) return;
    closed = true;
    pc.close();
    video.srcObject = null;
    if (location) void fetch(location, { method: 'DELETE' }).catch(() => undefined);
  };
  try {
    pc.addTransceiver('video', { direction: 'recvonly' });
    pc.addTransceiver('audio', { direction: 'recvonly' });
    const stream = new MediaStream();
    pc.addEventListener('track', (e) => {
      stream.addTrack(e.track);
      video.srcObject = stream;
      void video.play().catch(() => undefined);
    });
    pc.addEventListener('connectionstatechange', () => {
      if (!closed && (pc.connectionState === 'failed' || pc.connectionState === 'disconnected'))
        onFailure(`whep ${pc.connectionState}`);
    });
    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/sdp' },
      body: pc.localDescription?.sdp ?? '',
      signal: AbortSignal.timeout(WHEP_ANSWER_TIMEOUT_MS),
    });
    if (!res.ok) throw new MediaHttpError(res.status);
    const where = res.headers.get('location');
    location = where ? new URL(where, url).toString() : null;
    await pc.setRemoteDescription({ type: 'answer', sdp: await res.text() });
    return { kind: 'whep', destroy };
  } catch (e) {
    destroy();
    throw e;
  }
}

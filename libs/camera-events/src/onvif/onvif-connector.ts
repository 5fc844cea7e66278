import { Agent } from 'node:http';
import onvif, { type Cam } from 'onvif';
import type { OnvifConnector, OnvifSubscription } from '../ports';

/** A callback method of the `onvif` Cam as a promise of its raw SOAP answer. */
function call(cam: Cam, run: (cb: (err: Error | null) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    run((err) => {
      if (err) reject(err);
      else resolve();
    });
  });
}

/**
 * The maintained `onvif` package as the puller's connector. Not its `connect()` (which also
 * reads profiles, video sources and stream URIs the puller has no use for): only the device's
 * clock (WS-Security digests are stamped with the camera's time), its capabilities (the
 * events service address) and then CreatePullPointSubscription. Each device gets its own HTTP
 * agent so that closing it also ends a long-poll PullMessages in flight.
 */
export const onvifConnector: OnvifConnector = {
  async subscribe(address, login) {
    const agent = new Agent({ keepAlive: false });
    const cam = new onvif.Cam({
      hostname: address.host,
      port: address.port,
      path: address.path,
      ...(login ? { username: login.username, password: login.password } : {}),
      autoconnect: false,
      agent,
      timeout: 15_000,
    });
    // The package hands callbacks its XML with namespace declarations stripped; the parser is
    // given the document as the camera sent it.
    let raw = '';
    cam.on('rawResponse', (xml: string) => {
      raw = xml;
    });
    try {
      await call(cam, (cb) => {
        cam.getSystemDateAndTime(cb);
      });
      await call(cam, (cb) => {
        cam.getCapabilities(cb);
      });
      await call(cam, (cb) => {
        cam.createPullPointSubscription(cb);
      });
    } catch (err) {
      agent.destroy();
      throw err;
    }
    let closed = false;
    const subscription: OnvifSubscription = {
      async pull() {
        raw = '';
        await call(cam, (cb) => {
          cam.pullMessages({ messageLimit: 50 }, cb);
        });
        return raw;
      },
      async renew() {
        await call(cam, (cb) => {
          cam.renew({}, cb);
        });
      },
      async close() {
        if (closed) return;
        closed = true;
        try {
          await call(cam, (cb) => {
            cam.unsubscribe(cb);
          });
        } catch {
          // The camera may be gone; its subscription then expires on its own.
        } finally {
          agent.destroy();
        }
      },
    };
    return subscription;
  },
};

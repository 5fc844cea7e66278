import { createHmac, randomBytes } from 'node:crypto';

/** What a signer sees of a request. */
export interface SignableRequest {
  method: string;
  url: string;
}

export interface LgspCredentials {
  appName: string;
  accessKey: string;
  secretKey: string;
}

/**
 * A request signer: the headers to add to one request. Pluggable because each province's LGSP
 * (and each gateway product behind it) words its signature differently; `lgspHmacSigner` is the
 * platform's documented default.
 */
export type RequestSigner = (
  req: SignableRequest,
  creds: LgspCredentials,
  at: { now: Date; nonce?: string },
) => Record<string, string>;

/** The text the LGSP signature covers: method, path with query, timestamp, nonce — one per line. */
export function lgspStringToSign(
  method: string,
  url: string,
  timestamp: string,
  nonce: string,
): string {
  const u = new URL(url);
  return [method.toUpperCase(), `${u.pathname}${u.search}`, timestamp, nonce].join('\n');
}

/**
 * The default LGSP signature (modelled on Hồ Chí Minh City's LGSP, AppName/AccessKey/SecretKey):
 *
 *   X-LGSP-AppName:   the application name issued with the keys
 *   X-LGSP-AccessKey: the access key (identifies the key pair; not secret on its own)
 *   X-LGSP-Timestamp: Unix seconds
 *   X-LGSP-Nonce:     32 random hex characters, never re-used (the gateway refuses replays)
 *   X-LGSP-Signature: base64(HMAC-SHA256(SecretKey, METHOD \n /path?query \n timestamp \n nonce))
 *
 * The secret key itself never travels.
 */
export const lgspHmacSigner: RequestSigner = (req, creds, at) => {
  const timestamp = String(Math.floor(at.now.getTime() / 1000));
  const nonce = at.nonce ?? randomBytes(16).toString('hex');
  const signature = createHmac('sha256', creds.secretKey)
    .update(lgspStringToSign(req.method, req.url, timestamp, nonce), 'utf8')
    .digest('base64');
  return {
    'X-LGSP-AppName': creds.appName,
    'X-LGSP-AccessKey': creds.accessKey,
    'X-LGSP-Timestamp': timestamp,
    'X-LGSP-Nonce': nonce,
    'X-LGSP-Signature': signature,
  };
};

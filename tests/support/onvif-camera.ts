import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/**
 * A stand-in for an ONVIF camera (outside the platform's control): a SOAP 1.2 server that
 * answers what the `onvif` client asks — GetSystemDateAndTime, GetCapabilities,
 * CreatePullPointSubscription, PullMessages, Renew, Unsubscribe — and checks every request but
 * the first clock read for a WS-Security UsernameToken digest of the expected login.
 */
export interface OnvifCameraStandIn {
  url: string;
  port: number;
  /** Every request as `<Action>` and whether its UsernameToken was the expected login. */
  requests: { action: string; authorized: boolean | null }[];
  /** NotificationMessage elements the next PullMessages returns (each at most once). */
  queue: string[];
  close(): Promise<void>;
}

const NS =
  'xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:wsa="http://www.w3.org/2005/08/addressing" ' +
  'xmlns:wsnt="http://docs.oasis-open.org/wsn/b-2" xmlns:tev="http://www.onvif.org/ver10/events/wsdl" ' +
  'xmlns:tds="http://www.onvif.org/ver10/device/wsdl" xmlns:tt="http://www.onvif.org/ver10/schema" ' +
  'xmlns:tns1="http://www.onvif.org/ver10/topics"';
const envelope = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<s:Envelope ${NS}><s:Body>${body}</s:Body></s:Envelope>`;
const NOT_AUTHORIZED = envelope(
  '<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:NotAuthorized</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">Sender not Authorized</s:Text></s:Reason></s:Fault>',
);
const tag = (xml: string, name: string) =>
  new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>([^<]*)</(?:\\w+:)?${name}>`).exec(xml)?.[1] ?? null;

/** WS-Security UsernameToken profile: Base64(SHA-1(nonce + created + password)). */
function authorized(xml: string, username: string, password: string): boolean | null {
  const user = tag(xml, 'Username');
  if (user === null) return null;
  const nonce = tag(xml, 'Nonce') ?? '';
  const created = tag(xml, 'Created') ?? '';
  const digest = createHash('sha1')
    .update(Buffer.concat([Buffer.from(nonce, 'base64'), Buffer.from(created + password)]))
    .digest('base64');
  return user === username && tag(xml, 'Password') === digest;
}

export async function startOnvifCamera(login: {
  username: string;
  password: string;
}): Promise<OnvifCameraStandIn> {
  const requests: OnvifCameraStandIn['requests'] = [];
  const queue: string[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const xml = Buffer.concat(chunks).toString('utf8');
      const body = xml.slice(xml.search(/<(?:\w+:)?Body\b/));
      const action = /<(?:\w+:)?Body\b[^>]*>\s*<(?:\w+:)?(\w+)/.exec(body)?.[1] ?? '?';
      const auth = authorized(xml, login.username, login.password);
      requests.push({ action, authorized: auth });
      const answer = (status: number, text: string) =>
        res.writeHead(status, { 'content-type': 'application/soap+xml; charset=utf-8' }).end(text);
      // The spec lets the clock be read without a login (the client needs it for the digest).
      if (action !== 'GetSystemDateAndTime' && auth !== true) return answer(400, NOT_AUTHORIZED);
      const now = new Date();
      const later = new Date(now.getTime() + 120_000).toISOString();
      switch (action) {
        case 'GetSystemDateAndTime':
          return answer(
            200,
            envelope(
              `<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType><tt:DaylightSavings>false</tt:DaylightSavings><tt:TimeZone><tt:TZ>ICT-7</tt:TZ></tt:TimeZone><tt:UTCDateTime><tt:Time><tt:Hour>${now.getUTCHours()}</tt:Hour><tt:Minute>${now.getUTCMinutes()}</tt:Minute><tt:Second>${now.getUTCSeconds()}</tt:Second></tt:Time><tt:Date><tt:Year>${now.getUTCFullYear()}</tt:Year><tt:Month>${now.getUTCMonth() + 1}</tt:Month><tt:Day>${now.getUTCDate()}</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>`,
            ),
          );
        case 'GetCapabilities':
          return answer(
            200,
            envelope(
              `<tds:GetCapabilitiesResponse><tds:Capabilities><tt:Device><tt:XAddr>${base}/onvif/device_service</tt:XAddr></tt:Device><tt:Events><tt:XAddr>${base}/onvif/Events</tt:XAddr><tt:WSSubscriptionPolicySupport>true</tt:WSSubscriptionPolicySupport><tt:WSPullPointSupport>true</tt:WSPullPointSupport><tt:WSPausableSubscriptionManagerInterfaceSupport>false</tt:WSPausableSubscriptionManagerInterfaceSupport></tt:Events></tds:Capabilities></tds:GetCapabilitiesResponse>`,
            ),
          );
        case 'CreatePullPointSubscription':
          return answer(
            200,
            envelope(
              `<tev:CreatePullPointSubscriptionResponse><tev:SubscriptionReference><wsa:Address>${base}/onvif/Subscription?Idx=0</wsa:Address></tev:SubscriptionReference><wsnt:CurrentTime>${now.toISOString()}</wsnt:CurrentTime><wsnt:TerminationTime>${later}</wsnt:TerminationTime></tev:CreatePullPointSubscriptionResponse>`,
            ),
          );
        case 'PullMessages': {
          // A camera holds the long poll until something happens; 100 ms is enough here.
          const reply = () => {
            const messages = queue.splice(0);
            answer(
              200,
              envelope(
                `<tev:PullMessagesResponse><tev:CurrentTime>${new Date().toISOString()}</tev:CurrentTime><tev:TerminationTime>${later}</tev:TerminationTime>${messages.join('')}</tev:PullMessagesResponse>`,
              ),
            );
          };
          if (queue.length > 0) reply();
          else setTimeout(reply, 100);
          return;
        }
        case 'Renew':
          return answer(
            200,
            envelope(
              `<wsnt:RenewResponse><wsnt:TerminationTime>${later}</wsnt:TerminationTime><wsnt:CurrentTime>${now.toISOString()}</wsnt:CurrentTime></wsnt:RenewResponse>`,
            ),
          );
        case 'Unsubscribe':
          return answer(200, envelope('<wsnt:UnsubscribeResponse/>'));
        default:
          return answer(
            400,
            envelope('<s:Fault><s:Code><s:Value>s:Sender</s:Value></s:Code></s:Fault>'),
          );
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    port,
    requests,
    queue,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => {
          r();
        });
      }),
  };
}

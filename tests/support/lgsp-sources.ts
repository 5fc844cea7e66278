import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Department systems as the province's LGSP exposes them, on one local HTTP server started by a
 * test: a paged JSON API that checks the platform's LGSP signature (and refuses a replayed
 * nonce), a SOAP/XML service behind basic auth, a CSV export behind an API key, and a source that
 * fails (503) while told to. Every record set is mutable, so a test can add records or change
 * the schema between runs; every request is logged with what it asked for.
 */
export interface LgspSources {
  url: string;
  /** Records of the paged JSON API (`/lgsp/dvc/hoso`), filtered by NgayCapNhat ≥ since. */
  dossiers: Record<string, unknown>[];
  /** Rows of the SOAP indicator service. */
  indicators: Record<string, string>[];
  /** The CSV export's text. */
  csv: { text: string };
  /** Records behind the OAuth2 client-credentials service (`/oauth/data`, token at `/oauth/token`). */
  oauth: Record<string, unknown>[];
  /** Records of `/flaky`, and whether it answers 503. */
  flaky: { failing: boolean; records: Record<string, unknown>[] };
  /** Every request: path, query, whether its credentials passed. */
  log: { path: string; query: Record<string, string>; ok: boolean; why?: string }[];
  close(): Promise<void>;
}

export interface LgspCredentialsForTest {
  appName: string;
  accessKey: string;
  secretKey: string;
  basicUser: string;
  basicPassword: string;
  apiKey: string;
  clientId: string;
  clientSecret: string;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function startLgspSources(creds: LgspCredentialsForTest): Promise<LgspSources> {
  const nonces = new Set<string>();
  const tokens = new Set<string>();
  const state: Omit<LgspSources, 'url' | 'close'> = {
    dossiers: [],
    indicators: [],
    csv: { text: '' },
    flaky: { failing: false, records: [] },
    oauth: [],
    log: [],
  };

  /** The platform's documented LGSP signature, checked as a gateway would. */
  const lgspRefusal = (req: IncomingMessage): string | null => {
    const h = (n: string) => String(req.headers[n] ?? '');
    if (h('x-lgsp-appname') !== creds.appName || h('x-lgsp-accesskey') !== creds.accessKey)
      return 'unknown application';
    const nonce = h('x-lgsp-nonce');
    if (nonce === '' || nonces.has(nonce)) return 'nonce missing or replayed';
    nonces.add(nonce);
    const text = [req.method, req.url, h('x-lgsp-timestamp'), nonce].join('\n');
    const expected = createHmac('sha256', creds.secretKey).update(text).digest('base64');
    return expected === h('x-lgsp-signature') ? null : 'bad signature';
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const u = new URL(req.url ?? '/', 'http://local');
      const query = Object.fromEntries(u.searchParams.entries());
      const entry: LgspSources['log'][number] = { path: u.pathname, query, ok: true };
      state.log.push(entry);
      const refuse = (status: number, why: string) => {
        entry.ok = false;
        entry.why = why;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: why }));
      };
      if (u.pathname === '/lgsp/dvc/hoso') {
        const why = lgspRefusal(req);
        if (why !== null) {
          refuse(401, why);
          return;
        }
        const since = query.since ? Date.parse(query.since) : -Infinity;
        const size = Number(query.size);
        const page = Number(query.page);
        const rows = state.dossiers
          .filter((r) => Date.parse(String(r.NgayCapNhat)) >= since)
          .sort(
            (a, b) =>
              Date.parse(String(a.NgayCapNhat)) - Date.parse(String(b.NgayCapNhat)) ||
              String(a.MaHoSo).localeCompare(String(b.MaHoSo)),
          );
        const slice = rows.slice((page - 1) * size, page * size);
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ data: { items: slice, total: rows.length } }));
      }
      if (u.pathname === '/soap/chitieu') {
        const expected = `Basic ${Buffer.from(`${creds.basicUser}:${creds.basicPassword}`).toString('base64')}`;
        if (req.headers.authorization !== expected) {
          refuse(401, 'basic auth');
          return;
        }
        const envelope = await body(req);
        entry.query.since = /<TuNgay>(.*?)<\/TuNgay>/.exec(envelope)?.[1] ?? '';
        const since = entry.query.since ? Date.parse(entry.query.since) : -Infinity;
        const items = state.indicators
          .filter((r) => Date.parse(r.CapNhat ?? '') >= since)
          .map(
            (r) =>
              `<ns2:ChiTieu>${Object.entries(r)
                .map(([k, v]) => `<ns2:${k}>${xmlEscape(v)}</ns2:${k}>`)
                .join('')}</ns2:ChiTieu>`,
          )
          .join('');
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
        return res.end(
          `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><ns2:LayChiTieuResponse xmlns:ns2="urn:lgsp:chitieu">${items}</ns2:LayChiTieuResponse></soap:Body></soap:Envelope>`,
        );
      }
      if (u.pathname === '/csv/hoso.csv') {
        if (req.headers['x-api-key'] !== creds.apiKey) {
          refuse(401, 'api key');
          return;
        }
        res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8' });
        return res.end(`\uFEFF${state.csv.text}`);
      }
      if (u.pathname === '/oauth/token') {
        const form = new URLSearchParams(await body(req));
        const good =
          form.get('grant_type') === 'client_credentials' &&
          form.get('client_id') === creds.clientId &&
          form.get('client_secret') === creds.clientSecret;
        if (!good) {
          refuse(401, 'invalid_client');
          return;
        }
        tokens.add(`tok-${String(tokens.size + 1)}`);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: [...tokens].at(-1), expires_in: 3600 }));
        return;
      }
      if (u.pathname === '/oauth/data') {
        const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
        if (!tokens.has(bearer)) {
          refuse(401, 'token');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ items: state.oauth }));
        return;
      }
      if (u.pathname === '/flaky') {
        if (state.flaky.failing) {
          refuse(503, 'maintenance');
          return;
        }
        const offset = Number(query.offset);
        const limit = Number(query.limit);
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(state.flaky.records.slice(offset, offset + limit)));
      }
      refuse(404, 'no such service');
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...state,
    url: `http://127.0.0.1:${String(port)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

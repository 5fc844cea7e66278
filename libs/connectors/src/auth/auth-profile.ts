import type { ConnectorAuthInput, ConnectorAuthView } from '@ioc/contracts';
import { lgspHmacSigner, type RequestSigner } from './lgsp-signer';

/** The public part of a profile (stored in connector.auth; the API shows it). */
export type PublicAuth = Omit<ConnectorAuthView, 'secretSet'>;
/** The secret part (sealed into connector_secret; never answered, logged or audited). */
export type AuthSecrets = Record<string, string>;

/** Splits a profile as written into what may be shown and what must be sealed. */
export function splitAuth(input: ConnectorAuthInput): { view: PublicAuth; secrets: AuthSecrets } {
  switch (input.kind) {
    case 'none':
      return { view: { kind: 'none' }, secrets: {} };
    case 'api-key':
      return {
        view: { kind: 'api-key', headerNames: Object.keys(input.headers).sort() },
        secrets: { ...input.headers },
      };
    case 'lgsp':
      return {
        view: { kind: 'lgsp', appName: input.appName },
        secrets: { accessKey: input.accessKey, secretKey: input.secretKey },
      };
    case 'oauth2-client-credentials':
      return {
        view: {
          kind: input.kind,
          tokenUrl: input.tokenUrl,
          clientId: input.clientId,
          ...(input.scope === undefined ? {} : { scope: input.scope }),
        },
        secrets: { clientSecret: input.clientSecret },
      };
    case 'basic':
      return {
        view: { kind: 'basic', username: input.username },
        secrets: { password: input.password },
      };
  }
}

/** How an OAuth2 access token is obtained (the runner caches it until shortly before expiry). */
export type TokenFetcher = (
  tokenUrl: string,
  body: URLSearchParams,
) => Promise<{ accessToken: string; expiresIn: number }>;

export interface AuthContext {
  signer?: RequestSigner;
  fetchToken: TokenFetcher;
  now: () => Date;
}

/**
 * Applies a profile to one request: the headers to add. OAuth2 tokens are cached per profile
 * instance until 30 s before they expire.
 */
export class AuthApplier {
  private token: { value: string; until: number } | null = null;

  constructor(
    private readonly view: PublicAuth,
    private readonly secrets: AuthSecrets,
    private readonly ctx: AuthContext,
  ) {}

  async headers(method: string, url: string): Promise<Record<string, string>> {
    const s = this.secrets;
    switch (this.view.kind) {
      case 'none':
        return {};
      case 'api-key':
        return { ...s };
      case 'basic': {
        const raw = `${this.view.username ?? ''}:${s.password ?? ''}`;
        return { Authorization: `Basic ${Buffer.from(raw, 'utf8').toString('base64')}` };
      }
      case 'lgsp':
        return (this.ctx.signer ?? lgspHmacSigner)(
          { method, url },
          {
            appName: this.view.appName ?? '',
            accessKey: s.accessKey ?? '',
            secretKey: s.secretKey ?? '',
          },
          { now: this.ctx.now() },
        );
      case 'oauth2-client-credentials':
        return { Authorization: `Bearer ${await this.accessToken()}` };
    }
  }

  /** Forgets a cached token (after a 401, the next request fetches a new one). */
  reset(): void {
    this.token = null;
  }

  private async accessToken(): Promise<string> {
    const now = this.ctx.now().getTime();
    if (this.token !== null && this.token.until > now) return this.token.value;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.view.clientId ?? '',
      client_secret: this.secrets.clientSecret ?? '',
    });
    if (this.view.scope !== undefined) body.set('scope', this.view.scope);
    const t = await this.ctx.fetchToken(this.view.tokenUrl ?? '', body);
    this.token = { value: t.accessToken, until: now + Math.max(0, t.expiresIn - 30) * 1000 };
    return t.accessToken;
  }
}

/** The default token fetcher: an RFC 6749 §4.4 client-credentials POST. */
export const fetchOAuthToken: TokenFetcher = async (tokenUrl, body) => {
  const res = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
    signal: AbortSignal.timeout(15_000),
  });
  if (!res.ok) throw new Error(`token endpoint answered HTTP ${String(res.status)}`);
  const json = (await res.json()) as { access_token?: unknown; expires_in?: unknown };
  if (typeof json.access_token !== 'string') throw new Error('token endpoint gave no access_token');
  return {
    accessToken: json.access_token,
    expiresIn: typeof json.expires_in === 'number' ? json.expires_in : 300,
  };
};

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { mediaPathSchema } from '@ioc/contracts';

// MediaMTX itself does not run in CI (no Docker): its config and the files that must agree with
// it (compose, nginx, Kubernetes) are read as files and checked against each other.

const infra = resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(resolve(infra, file), 'utf8');

interface MediaMtxConfig {
  authMethod?: string;
  authHTTPAddress?: string;
  authHTTPExclude?: unknown;
  api?: boolean;
  apiAddress?: string;
  metrics?: boolean;
  pprof?: boolean;
  hlsAddress?: string;
  webrtcAddress?: string;
  webrtcLocalUDPAddress?: string;
  paths?: Record<string, { source?: string } | null>;
}

interface ComposeService {
  image?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: string[];
}

const config = parse(read('mediamtx/mediamtx.yml')) as MediaMtxConfig;
const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const nginx = read('nginx.conf');

const port = (address: string | undefined) => Number(/:(\d+)$/.exec(address ?? '')?.[1]);

/** The body of nginx's `location <match> { … }` block (no nested blocks in ours). */
function location(match: string): string {
  const at = nginx.indexOf(`location ${match} {`);
  expect(at, `nginx location ${match}`).toBeGreaterThanOrEqual(0);
  return nginx.slice(at, nginx.indexOf('}', at));
}

describe('MediaMTX config', () => {
  it('asks the platform about every action: http hook on /api/v1/media/auth, nothing excluded', () => {
    expect(config.authMethod).toBe('http');
    const hook = new URL(config.authHTTPAddress ?? '');
    expect(hook.pathname).toBe('/api/v1/media/auth');
    // An excluded action would be allowed to anyone, unchecked.
    expect(config.authHTTPExclude).toEqual([]);
  });

  it('keeps its control API on loopback and metrics/pprof off', () => {
    expect(config.apiAddress).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(config.metrics).toBe(false);
    expect(config.pprof).toBe(false);
  });

  it('example paths are valid registry path names and hold placeholders, never real secrets', () => {
    const paths = Object.entries(config.paths ?? {});
    const pulled = paths.filter(([, p]) => p?.source?.startsWith('rtsp://'));
    expect(pulled.length).toBeGreaterThanOrEqual(2);
    for (const [name, p] of pulled) {
      expect(mediaPathSchema.safeParse(name).success, name).toBe(true);
      const src = new URL(p?.source ?? '');
      expect(src.username, name).toBe('NVR_USER');
      expect(src.password, name).toBe('NVR_PASSWORD');
      // 192.0.2.0/24: the documentation range (RFC 5737), so no real NVR is named.
      expect(src.hostname, name).toMatch(/^192\.0\.2\.\d+$/);
    }
    const sources = pulled.map(([, p]) => p?.source ?? '');
    expect(sources.some((s) => s.endsWith('/Streaming/Channels/101'))).toBe(true);
    expect(sources.some((s) => s.includes('/cam/realmonitor?channel=1&subtype=0'))).toBe(true);
  });
});

describe('MediaMTX in the deployment', () => {
  it('compose: a pinned image with this config, the WebRTC UDP port published', () => {
    const m = compose.services['mediamtx'];
    expect(m?.image).toMatch(/^bluenviron\/mediamtx:\d+\.\d+\.\d+$/);
    expect(m?.volumes).toContain('./mediamtx/mediamtx.yml:/mediamtx.yml:ro');
    const udp = port(config.webrtcLocalUDPAddress);
    expect(m?.ports).toEqual([`${udp}:${udp}/udp`]);
    // MediaMTX reads only its own MTX_* overrides.
    for (const key of Object.keys(m?.environment ?? {})) expect(key).toMatch(/^MTX_/);
    // nginx resolves mediamtx when it starts.
    expect(compose.services['lb']?.depends_on).toContain('mediamtx');
  });

  it('the auth hook reaches the API through the private nginx listener only', () => {
    const hook = new URL(config.authHTTPAddress ?? '');
    expect(Object.keys(compose.services)).toContain(hook.hostname);
    expect(nginx).toContain(`listen ${hook.port};`);
    // Not published: only the media server on the compose network reaches it.
    expect(compose.services[hook.hostname]?.ports ?? []).not.toContainEqual(
      expect.stringContaining(`:${hook.port}`),
    );
    expect(nginx.split(`location = ${hook.pathname} {`).length - 1).toBe(2);
    expect(location(`= ${hook.pathname}`)).toContain('return 404');
    expect(nginx.slice(nginx.indexOf(`listen ${hook.port};`))).toContain(
      'proxy_pass http://ioc_api;',
    );
  });

  it('every API replica gives browsers the media URLs nginx serves, on the same origin', () => {
    expect(location('/media/hls/')).toContain(
      `proxy_pass http://mediamtx:${port(config.hlsAddress)}/;`,
    );
    expect(location('/media/whep/')).toContain(
      `proxy_pass http://mediamtx:${port(config.webrtcAddress)}/;`,
    );
    for (const api of ['api1', 'api2']) {
      const env = compose.services[api]?.environment ?? {};
      expect(env['MEDIA_HLS_URL'], api).toBe('${IOC_PUBLIC_URL:?set IOC_PUBLIC_URL}/media/hls');
      expect(env['MEDIA_WHEP_URL'], api).toBe('${IOC_PUBLIC_URL:?set IOC_PUBLIC_URL}/media/whep');
      expect(env, api).toHaveProperty('MEDIA_PUBLISH_USER');
      expect(env, api).toHaveProperty('MEDIA_PUBLISH_PASSWORD');
    }
  });

  it('kubernetes: same image, hook on the API Service, HLS/WHEP on the same host as the API', () => {
    const docs = parseAllDocuments(read('k8s/mediamtx.yaml')).map((d) => {
      expect(d.errors).toEqual([]);
      return d.toJS() as {
        kind: string;
        metadata: { name: string };
        spec?: {
          template?: {
            spec: { containers: { image: string; env?: { name: string; value?: string }[] }[] };
          };
          rules?: { http: { paths: { path: string; backend: { service: { name: string } } }[] } }[];
        };
      };
    });
    const api = parseAllDocuments(read('k8s/api.yaml')).map(
      (d) =>
        d.toJS() as { kind: string; metadata: { name: string }; data?: Record<string, string> },
    );
    const container = docs.find((d) => d.kind === 'Deployment')?.spec?.template?.spec.containers[0];
    expect(container?.image).toBe(compose.services['mediamtx']?.image);
    const hook = new URL(
      container?.env?.find((e) => e.name === 'MTX_AUTHHTTPADDRESS')?.value ?? '',
    );
    expect(hook.pathname).toBe('/api/v1/media/auth');
    expect(api.some((d) => d.kind === 'Service' && d.metadata.name === hook.hostname)).toBe(true);
    const ingress = docs.find((d) => d.kind === 'Ingress')?.spec?.rules?.[0]?.http.paths ?? [];
    expect(ingress.map((p) => p.path.split('(')[0])).toEqual(['/media/hls', '/media/whep']);
    const cm = api.find((d) => d.kind === 'ConfigMap')?.data ?? {};
    expect(new URL(cm['MEDIA_HLS_URL'] ?? '').pathname).toBe('/media/hls');
    expect(new URL(cm['MEDIA_WHEP_URL'] ?? '').pathname).toBe('/media/whep');
  });
});

import { it } from 'vitest';
import { startTestPlatform } from '../support/platform';
it('smoke', async () => {
  const t0 = Date.now();
  const p = await startTestPlatform({ AUTH_ENFORCE: 'false' });
  console.log('start ms', Date.now() - t0);
  for (const path of ['/api/v1/feeds/liveness?feed=demo-ward-reports', '/api/v1/scorecard?unit=48', '/api/v1/indicators/dx.online_public_service_usage/choropleth?province=48', '/api/v1/indicators/dx.online_public_service_usage/history?unit=48', '/api/v1/scorecard?unit=20194']) {
    const t = Date.now();
    const r = await fetch(p.httpUrl + path);
    const text = await r.text();
    console.log(path, r.status, Date.now() - t, 'ms', text.length, text.slice(0, 1500));
  }
  await p.dispose();
}, 120000);

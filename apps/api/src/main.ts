import 'reflect-metadata';
import { ConfigError, loadApiConfig } from '@ioc/config';
import { startPlatform } from './composition/platform';
import { assertPortFree } from './composition/port-check';

async function main(): Promise<void> {
  const config = loadApiConfig(process.env);
  await assertPortFree(config.HOST, config.PORT);
  const platform = await startPlatform(config);
  const { ctx } = platform;
  const role = config.PROCESS_ROLE;
  if (role === 'collector' || role === 'worker') {
    // No API here: only what Kubernetes probes and Prometheus scrapes.
    process.stdout.write(
      [
        '',
        `  IOC platform (role ${role}) is running`,
        `  Health:    ${platform.httpUrl}/api/v1/health  ·  Metrics: ${platform.httpUrl}/metrics`,
        ...(role === 'collector' ? [`  MQTT:      ${platform.mqttUrl}`] : []),
        '',
      ].join('\n') + '\n',
    );
  }
  const lines = [
    '',
    `  IOC platform ${ctx.storage === 'pglite' ? '(embedded)' : role === 'all' ? '' : `(role ${role})`} is running`,
    `  Wall:      ${platform.wallUrl ?? `${platform.httpUrl}/wall`}`,
    `  Tablet:    ${platform.httpUrl}/tablet`,
    `  Admin:     ${platform.httpUrl}/admin`,
    `  Reports:   ${platform.httpUrl}/reports`,
    `  Phản ánh:  ${platform.httpUrl}/phan-anh  (residents)  ·  ${platform.httpUrl}/xu-ly-phan-anh  (operators)`,
    `  Open data: ${platform.httpUrl}/du-lieu-mo  ·  SensorThings ${platform.httpUrl}/sta/v1.1  (nothing public until an admin publishes it)`,
    `  API:       ${platform.httpUrl}/api/v1/health`,
    role === 'api'
      ? '  MQTT:      not read here (role api: the collectors subscribe)'
      : `  MQTT:      ${platform.mqttUrl}${ctx.broker.kind === 'embedded' && ctx.broker.port !== config.MQTT_PORT ? `  (port ${config.MQTT_PORT} was taken)` : ''}`,
    `  Storage:   ${ctx.storage}${ctx.storage === 'pglite' ? ` in ${config.DATA_DIR}` : ''}`,
    `  Wards:     ${platform.boundaries}`,
    ...(platform.setupToken
      ? [
          '',
          '  No administrator yet. Create the first one (the token works once, until the next start)',
          `  at ${platform.httpUrl}/login with setup token ${platform.setupToken}`,
          '  or from a shell:',
          `    curl -X POST ${platform.httpUrl}/api/v1/auth/setup -H 'content-type: application/json' \\`,
          `      -d '{"setupToken":"${platform.setupToken}","username":"admin","password":"<12+ characters>"}'`,
          '  or: npx ioc users add --admin --username admin --password-stdin',
        ]
      : []),
    '  Ctrl-C stops.',
    '',
  ];
  if (role === 'all' || role === 'api') process.stdout.write(lines.join('\n') + '\n');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: flushing and stopping…\n`);
    platform.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`stop failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else
    process.stderr.write(`Failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

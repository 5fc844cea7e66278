/** The only place tests read the environment. */
export const testEnv = {
  ci: process.env.CI === 'true',
  postgresAdminUrl: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  mosquittoUrl: process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883',
  timescaleAdminUrl: process.env.TIMESCALE_URL,
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
};

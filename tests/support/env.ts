/** The only place tests read the environment. */
export const testEnv = {
  ci: process.env.CI === 'true',
  postgresAdminUrl: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  mosquittoUrl: process.env.TEST_MQTT_URL ?? 'mqtt://127.0.0.1:1883',
  /** The machine's RabbitMQ (AMQP live-bus and collector suites; the cluster suites run their own nodes). */
  amqpUrl: process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  timescaleAdminUrl: process.env.TIMESCALE_URL,
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  /** Mosquitto binaries for the suites that run a private broker (Debian paths by default). */
  mosquittoBin: process.env.TEST_MOSQUITTO_BIN ?? '/usr/sbin/mosquitto',
  mosquittoCtrlBin: process.env.TEST_MOSQUITTO_CTRL_BIN ?? '/usr/bin/mosquitto_ctrl',
  /** Mosquitto's dynamic security plugin; unset: the Debian and Docker image paths are tried. */
  mosquittoDynsecPlugin: process.env.TEST_MOSQUITTO_DYNSEC_PLUGIN,
  mosquittoPubBin: process.env.TEST_MOSQUITTO_PUB_BIN ?? '/usr/bin/mosquitto_pub',
  mosquittoSubBin: process.env.TEST_MOSQUITTO_SUB_BIN ?? '/usr/bin/mosquitto_sub',
  /** PostgreSQL server binaries (initdb, pg_ctl) for the suites that run a throwaway cluster. */
  postgresBinDir: process.env.TEST_PG_BINDIR,
  /** PATH/HOME handed to child processes (the platform, the `ioc` CLI). */
  path: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
  home: process.env.HOME ?? '/tmp',
  /** Replays the random picks of tests/integration/tasks-seed.test.ts (it prints the seed). */
  tasksSeed: process.env.TASKS_SEED,
  /** Replays the random wards of the citizen-report suites (they print the seed). */
  citizenSeed: process.env.CITIZEN_SEED,
  /** Real boundary files (a .geojson or the directory holding them) for suites that can use them. */
};

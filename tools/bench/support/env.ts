/** The only place the benchmarks read the environment. */
export const benchEnv = {
  /** Admin URL of the PostgreSQL the benchmarks create their throwaway databases on. */
  postgresAdminUrl: process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  psqlBin: process.env.BENCH_PSQL_BIN ?? 'psql',
  mosquittoBin: process.env.BENCH_MOSQUITTO_BIN ?? '/usr/sbin/mosquitto',
  mosquittoSubBin: process.env.BENCH_MOSQUITTO_SUB_BIN ?? '/usr/bin/mosquitto_sub',
  /** Rows of the writer comparison (ReadingWriter vs psql \copy). */
  writerRows: Number(process.env.BENCH_WRITER_ROWS ?? 500_000),
  /** Messages of the MQTT comparison (platform vs mosquitto_sub). */
  mqttMessages: Number(process.env.BENCH_MQTT_MESSAGES ?? 100_000),
  /** Messages of each run of the scale-out comparison (1 vs 2 collector processes). */
  scaleMessages: Number(process.env.BENCH_SCALE_MESSAGES ?? 100_000),
  /** Concurrent publisher connections (each a device). */
  publishers: Number(process.env.BENCH_PUBLISHERS ?? 8),
  /** Chromium of the wall benchmark (headless, SwiftShader WebGL). */
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  /** Live points, seconds per renderer and share of points updated per frame (bench:wall). */
  wallPoints: Number(process.env.BENCH_WALL_POINTS ?? 100_000),
  wallSeconds: Number(process.env.BENCH_WALL_SECONDS ?? 10),
  wallShare: Number(process.env.BENCH_WALL_SHARE ?? 0.03),
  /** Seconds per side and concurrent connections of the API comparison (bench:api). */
  apiSeconds: Number(process.env.BENCH_API_SECONDS ?? 10),
  apiConnections: Number(process.env.BENCH_API_CONNECTIONS ?? 50),
  /** WebSocket clients, and the processes they are spread over (bench:ws). */
  wsClients: Number(process.env.BENCH_WS_CLIENTS ?? 1000),
  wsClientProcesses: Number(process.env.BENCH_WS_CLIENT_PROCESSES ?? 2),
  /** Messages of each saturation run, and runs per side (interleaved, best kept). */
  wsMessages: Number(process.env.BENCH_WS_MESSAGES ?? 500),
  wsRounds: Number(process.env.BENCH_WS_ROUNDS ?? 2),
  /** Rate (messages/s) and length (s) of the fixed-rate latency runs. */
  wsRate: Number(process.env.BENCH_WS_RATE ?? 20),
  wsSeconds: Number(process.env.BENCH_WS_SECONDS ?? 6),
  /** RabbitMQ of bench:bus's AMQP side. */
  amqpUrl: process.env.BENCH_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
  /** Offered rates (items/s, comma-separated), seconds per rate and subscriber counts (bench:bus). */
  busRates: (process.env.BENCH_BUS_RATES ?? '1000,2000,5000,10000,20000,40000')
    .split(',')
    .map(Number),
  busSeconds: Number(process.env.BENCH_BUS_SECONDS ?? 3),
  busSubscribers: (process.env.BENCH_BUS_SUBSCRIBERS ?? '2,4').split(',').map(Number),
};

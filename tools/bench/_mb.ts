import { benchMqtt } from './support/mqtt-bench';
const r = await benchMqtt({ adminUrl: 'postgres://postgres@127.0.0.1:5432/postgres', mosquittoSubBin: '/usr/bin/mosquitto_sub', messages: Number(process.argv[2] ?? 50000), devices: 8 });
console.log(r, 'platform msg/s', Math.round(r.messages / r.platformMs * 1000), 'sub msg/s', Math.round(r.messages / r.subMs * 1000));
process.exit(0);

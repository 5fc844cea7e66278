import { describe, expect, it } from 'vitest';
import { ConfigError, loadApiConfig } from '@ioc/config';
import { liveBusChoice } from './live-bus';

const pgDb = { embedded: false, url: 'postgres://db/ioc' };
const embedded = { embedded: true, url: 'postgres://embedded' };
const nodes = 'amqp://u:p@r1:5672, amqp://u:p@r2:5672';

describe('liveBusChoice', () => {
  it('auto: none embedded, NOTIFY with PostgreSQL, RabbitMQ once nodes are configured', () => {
    expect(liveBusChoice(loadApiConfig({}), embedded)).toEqual({ kind: 'local' });
    expect(liveBusChoice(loadApiConfig({}), pgDb)).toEqual({ kind: 'pg-notify', url: pgDb.url });
    expect(liveBusChoice(loadApiConfig({ LIVE_BUS_AMQP_URLS: nodes }), pgDb)).toEqual({
      kind: 'amqp',
      urls: ['amqp://u:p@r1:5672', 'amqp://u:p@r2:5672'],
    });
  });

  it("auto: the collectors' RabbitMQ cluster (AMQP_URLS) carries the bus unless another is named", () => {
    const cluster = 'amqp://c:p@n1:5672';
    expect(liveBusChoice(loadApiConfig({ AMQP_URLS: cluster }), pgDb)).toEqual({
      kind: 'amqp',
      urls: [cluster],
    });
    expect(
      liveBusChoice(loadApiConfig({ AMQP_URLS: cluster, LIVE_BUS_AMQP_URLS: nodes }), pgDb),
    ).toMatchObject({ kind: 'amqp', urls: ['amqp://u:p@r1:5672', 'amqp://u:p@r2:5672'] });
    expect(liveBusChoice(loadApiConfig({ LIVE_BUS: 'amqp', AMQP_URLS: cluster }), pgDb).kind).toBe(
      'amqp',
    );
  });

  it('a forced choice is kept, and refused where it cannot work', () => {
    const cfg = loadApiConfig({ LIVE_BUS: 'pg-notify', LIVE_BUS_AMQP_URLS: nodes });
    expect(liveBusChoice(cfg, pgDb).kind).toBe('pg-notify');
    expect(() => liveBusChoice(cfg, embedded)).toThrow(ConfigError);
    expect(() => loadApiConfig({ LIVE_BUS: 'amqp' })).toThrow(/LIVE_BUS_AMQP_URLS/);
    expect(() => loadApiConfig({ LIVE_BUS_AMQP_URLS: 'http://r1' })).toThrow(/amqp:\/\//);
  });
});

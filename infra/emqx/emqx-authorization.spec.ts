import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 18, item 1, for the shipped EMQX: a device may publish its own telemetry and nothing
 * else — above all it may not subscribe to the collectors' shared group, where it would take
 * its share of everyone's telemetry. EMQX cannot run here, so this reads the file-based
 * authorization rules of infra/emqx/emqx.conf and evaluates them as EMQX does: rules in
 * order, the first that matches the client, the action and the topic decides; none: no_match.
 */

type Term = string | { atom: string } | Term[] | { tuple: Term[] };

/** Parses the Erlang terms of an EMQX ACL (atoms, "strings", {tuples}, [lists], `Term.` ends). */
function parseTerms(text: string): Term[] {
  const src = text.replace(/%%.*$/gm, '');
  let i = 0;
  const skip = () => {
    while (i < src.length && /[\s,]/.test(src.charAt(i))) i++;
  };
  const term = (): Term => {
    skip();
    const c = src.charAt(i);
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      const items: Term[] = [];
      skip();
      while (src.charAt(i) !== close) {
        if (i >= src.length) throw new Error(`unclosed ${c}`);
        items.push(term());
        skip();
      }
      i++;
      return c === '{' ? { tuple: items } : items;
    }
    if (c === '"') {
      const end = src.indexOf('"', i + 1);
      const s = src.slice(i + 1, end);
      i = end + 1;
      return s;
    }
    const m = /^[a-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (!m) throw new Error(`unexpected ${src.slice(i, i + 20)}`);
    i += m[0].length;
    return { atom: m[0] };
  };
  const out: Term[] = [];
  skip();
  while (i < src.length) {
    out.push(term());
    skip();
    if (src.charAt(i) !== '.')
      throw new Error(`expected . after a rule at ${src.slice(i, i + 20)}`);
    i++;
    skip();
  }
  return out;
}

const atom = (t: Term | undefined): string | undefined =>
  t && typeof t === 'object' && 'atom' in t ? t.atom : undefined;
const tuple = (t: Term | undefined): Term[] | undefined =>
  t && typeof t === 'object' && 'tuple' in t ? t.tuple : undefined;
const str = (t: Term | undefined): string => (typeof t === 'string' ? t : '');

/** EMQX topic match: `filter` (the rule's) covers `name` (a topic or a client's filter). */
function covers(filter: string, name: string): boolean {
  const f = filter.split('/');
  const n = name.split('/');
  for (let k = 0; k < f.length; k++) {
    if (f[k] === '#') return true;
    if (k >= n.length) return false;
    if (f[k] !== '+' && f[k] !== n[k]) return false;
  }
  return f.length === n.length;
}

interface Request {
  username: string;
  action: 'publish' | 'subscribe';
  topic: string;
}

function decide(rules: Term[], req: Request, noMatch: string): string {
  for (const rule of rules) {
    const [permission, who, action, topics] = tuple(rule) ?? [];
    const whoTuple = tuple(who);
    const clientMatches =
      atom(who) === 'all' ||
      (whoTuple !== undefined &&
        ['username', 'user'].includes(atom(whoTuple[0]) ?? '') &&
        whoTuple[1] === req.username);
    if (!clientMatches) continue;
    const act = atom(action);
    if (act !== undefined && act !== 'all' && act !== req.action) continue;
    if (topics !== undefined) {
      const list = (Array.isArray(topics) ? topics : [topics]).map((t) => {
        const eq = tuple(t);
        return eq && atom(eq[0]) === 'eq'
          ? { eq: true, topic: str(eq[1]) }
          : { eq: false, topic: str(t) };
      });
      const hit = list.some((t) => {
        const topic = t.topic.replaceAll('${username}', req.username);
        return t.eq ? topic === req.topic : covers(topic, req.topic);
      });
      if (!hit) continue;
    }
    return atom(permission) ?? 'deny';
  }
  return noMatch;
}

const conf = readFileSync(resolve(import.meta.dirname, 'emqx.conf'), 'utf8');
const rulesText = /rules\s*=\s*"""([\s\S]*?)"""/.exec(conf)?.[1] ?? '';
const noMatch = /no_match\s*=\s*(\w+)/.exec(conf)?.[1] ?? 'allow';
const rules = parseTerms(rulesText);
const device = 'aq-20314-01';
// Whether EMQX authorizes a shared subscription with or without its `$share/<group>/` prefix,
// the answer must be the same: judge both forms.
const forms = (topic: string) => [topic, topic.replace(/^\$share\/[^/]+\//, '')];
const verdicts = (username: string, action: Request['action'], topic: string) => [
  ...new Set(forms(topic).map((t) => decide(rules, { username, action, topic: t }, noMatch))),
];

describe('EMQX authorization (infra/emqx/emqx.conf)', () => {
  it('parses the file rules and denies what no rule allows', () => {
    expect(rules.length).toBeGreaterThan(0);
    expect(noMatch).toBe('deny');
  });

  it.each([
    '$share/ioc-ingest/ioc/v1/telemetry/+',
    '$share/ioc-ingest/ioc/v1/gateway/+/telemetry',
    '$share/other/ioc/v1/telemetry/+',
    'ioc/v1/telemetry/+',
    `ioc/v1/telemetry/${device}`,
    '#',
    '$SYS/#',
  ])('a device may not subscribe to %s', (topic) => {
    expect(verdicts(device, 'subscribe', topic)).toEqual(['deny']);
  });

  it('a device publishes to its own topics only', () => {
    expect(verdicts(device, 'publish', `ioc/v1/telemetry/${device}`)).toEqual(['allow']);
    expect(verdicts(device, 'publish', `ioc/v1/gateway/${device}/telemetry`)).toEqual(['allow']);
    expect(verdicts(device, 'publish', 'ioc/v1/telemetry/aq-other')).toEqual(['deny']);
  });

  it('the collectors read the stream through their shared group', () => {
    expect(
      decide(
        rules,
        {
          username: 'ioc-ingest',
          action: 'subscribe',
          topic: '$share/ioc-ingest/ioc/v1/telemetry/+',
        },
        noMatch,
      ),
    ).toBe('allow');
  });

  it('only the platform publishes the public SensorThings updates; anyone reads them, nothing else', () => {
    const updates = ["v1.1/Datastreams('aq-1:pm25')/Observations", 'v1.1/Observations'];
    for (const topic of updates) {
      expect(verdicts('ioc-ingest', 'publish', topic)).toEqual(['allow']);
      // A device (or anyone claiming nothing) forging an observation is refused.
      expect(verdicts(device, 'publish', topic)).toEqual(['deny']);
      expect(verdicts('', 'publish', topic)).toEqual(['deny']);
      expect(verdicts('', 'subscribe', topic)).toEqual(['allow']);
    }
    expect(verdicts('', 'subscribe', 'v1.1/#')).toEqual(['allow']);
    for (const topic of [
      '#',
      'ioc/v1/telemetry/+',
      '$share/ioc-ingest/ioc/v1/telemetry/+',
      '+/Observations',
    ])
      expect(verdicts('', 'subscribe', topic)).toEqual(['deny']);
  });
});

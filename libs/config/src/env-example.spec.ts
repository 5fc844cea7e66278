import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiConfigSchema } from './api.config';

const EXAMPLE = readFileSync(resolve(import.meta.dirname, '../../../.env.example'), 'utf8');
const LINES = EXAMPLE.split('\n');

/**
 * The comment that documents a key: the comment lines above it, across the keys it shares them
 * with (several keys under one comment), up to a blank line.
 */
function commentOf(key: string): string {
  const at = LINES.findIndex((l) => l.startsWith(`${key}=`));
  if (at < 0) return '';
  const out: string[] = [];
  for (let i = at - 1; i >= 0; i--) {
    const line = LINES[i] ?? '';
    if (line.trim() === '' || line.startsWith('# ---')) break;
    if (line.startsWith('#')) out.unshift(line.slice(1).trim());
  }
  return out.join(' ');
}

/** What a key's comment must say for a constraint the schema states as a pattern. */
const PATTERN_WORDS: Record<string, string[]> = {
  DATABASE_URL: ['postgres://'],
  DATABASE_READ_URL: ['postgres://'],
  MQTT_URL: ['mqtt://', 'mqtts://'],
  MQTT_PUBLIC_URL: ['mqtt://', 'mqtts://'],
  FRIGATE_MQTT_URL: ['mqtt://', 'mqtts://'],
  SMTP_URL: ['smtp://', 'smtps://'],
  IOC_PROVINCE: ['2-digit'],
  MQTT_SHARED_GROUP: ['letters, digits'],
  AMQP_QUEUE: ['ioc. then letters, digits'],
  VAPID_PUBLIC_KEY: ['base64url'],
  VAPID_PRIVATE_KEY: ['base64url'],
  VAPID_SUBJECT: ['mailto:', 'https:'],
  CONNECTOR_SECRET_KEY: ['64 hex characters', 'base64url'],
};

interface Prop {
  type?: string;
  minLength?: number;
  enum?: string[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}

const props = (
  z.toJSONSchema(apiConfigSchema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, Prop>;
  }
).properties;

describe('.env.example states every constraint of every setting', () => {
  it('states the rules that hold for every number and switch once, at the top', () => {
    const head = LINES.slice(0, 12).join(' ');
    expect(head).toContain('whole numbers above 0');
    expect(head).toContain('0–65535');
    expect(head).toMatch(/true\/false.*1\/0, yes\/no, on\/off/);
  });

  it.each(Object.entries(props))('%s', (key, p) => {
    expect(EXAMPLE, `${key} has a line`).toMatch(new RegExp(`^${key}=`, 'm'));
    const note = commentOf(key);
    // A minimum of one character is only "not empty": every key's example already says what goes in.
    if (p.minLength !== undefined && p.minLength > 1)
      expect(note, key).toContain(`${String(p.minLength)} characters`);
    const isSwitch = p.enum?.includes('true') && p.enum.includes('false');
    if (p.enum && !isSwitch) for (const v of p.enum) expect(note, key).toContain(v);
    if (p.pattern !== undefined) {
      const words = PATTERN_WORDS[key];
      expect(words, `${key}: say what its pattern ${p.pattern} asks`).toBeDefined();
      for (const w of words ?? []) expect(note.toLowerCase(), key).toContain(w);
    }
  });
});

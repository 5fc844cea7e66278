import { en } from './messages.en';
import { vi, type MessageKey } from './messages.vi';

export type { MessageKey } from './messages.vi';

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'vi';

export type MessageParams = Record<string, string | number>;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function dictionary(lang: Lang): Readonly<Record<MessageKey, string>> {
  return dictionaries[lang];
}

/**
 * Looks a message up and fills `{name}` placeholders. Numbers are inserted as given: callers
 * format them first (formatNumber) so the decimal separator follows the language. An unknown
 * placeholder is left visible rather than silently dropped, so a missing param shows in review.
 */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  // Keys are typed, but some are built at run time (`status.${x}`): a key with no message is
  // reported (the i18n route test fails on this line) and shown as itself, never as blank.
  const template = (dictionaries[lang] as Readonly<Record<string, string | undefined>>)[key];
  if (template === undefined) {
    console.error(`[i18n] missing key "${key}" (${lang})`);
    return key;
  }
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Placeholder names used by a template, for the key-parity test. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

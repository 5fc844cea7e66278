import {
  foldVietnamese,
  type PublicationEntry,
  type PublicationState,
  type PublicationSubject,
} from '@ioc/contracts';

export type PublicDevice = PublicationState['devices'][number];
export type PublicIndicator = PublicationState['indicators'][number];

/**
 * Switches changed on screen and not saved yet, by `subject:key`. A device's value may be null
 * (follow its kind again); the other subjects are true or false.
 */
export type Draft = ReadonlyMap<string, boolean | null>;

const keyOf = (subject: PublicationSubject, key: string) => `${subject}:${key}`;

/** What the server has for one switch (a device's own row, which is null when it follows). */
export function savedValue(
  state: PublicationState,
  subject: PublicationSubject,
  key: string,
): boolean | null {
  switch (subject) {
    case 'device_kind':
      return state.deviceKinds.find((k) => k.key === key)?.public ?? false;
    case 'device':
      return state.devices.find((d) => d.id === key)?.own ?? null;
    case 'metric':
      return state.metrics.find((m) => m.code === key)?.public ?? false;
    case 'indicator':
      return state.indicators.find((i) => i.code === key)?.public ?? false;
  }
}

/** The switch as the screen shows it: the draft's value, else the server's. */
export function shownValue(
  state: PublicationState,
  draft: Draft,
  subject: PublicationSubject,
  key: string,
): boolean | null {
  const k = keyOf(subject, key);
  return draft.has(k) ? (draft.get(k) ?? null) : savedValue(state, subject, key);
}

/** The draft with some switches set; a switch set back to the server's value leaves the draft. */
export function withChanges(
  state: PublicationState,
  draft: Draft,
  changes: readonly PublicationEntry[],
): Draft {
  const next = new Map(draft);
  for (const c of changes) {
    const k = keyOf(c.subject, c.key);
    if (savedValue(state, c.subject, c.key) === c.public) next.delete(k);
    else next.set(k, c.public);
  }
  return next;
}

/** The PUT body's entries for a draft (kinds first, so a reader of the audit sees the cause). */
export function entriesOf(draft: Draft): PublicationEntry[] {
  const order: PublicationSubject[] = ['device_kind', 'device', 'metric', 'indicator'];
  return [...draft.entries()]
    .map(([k, value]) => {
      const at = k.indexOf(':');
      return {
        subject: k.slice(0, at) as PublicationSubject,
        key: k.slice(at + 1),
        public: value,
      };
    })
    .sort((a, b) => order.indexOf(a.subject) - order.indexOf(b.subject));
}

/**
 * Whether a device will be public once the draft is saved: its own switch, else its kind's.
 * When the server says not public although its own rule says public, something else keeps it
 * off (a decommissioned device), and no switch changes that.
 */
export function effectiveDevicePublic(
  state: PublicationState,
  draft: Draft,
  device: PublicDevice,
): boolean {
  const kindSaved = savedValue(state, 'device_kind', device.kind) === true;
  if (!device.public && (device.own ?? kindSaved)) return false;
  const own = shownValue(state, draft, 'device', device.id);
  return own ?? shownValue(state, draft, 'device_kind', device.kind) === true;
}

export interface DeviceFilter {
  query: string;
  /** '' for every kind. */
  kind: string;
  /** The unit codes to keep (a ward, or a province and its wards); null for every unit. */
  units: ReadonlySet<string> | null;
}

/** The devices matching the search (id or name, ignoring diacritics), kind and unit. */
export function filterDevices(devices: readonly PublicDevice[], f: DeviceFilter): PublicDevice[] {
  const words = foldVietnamese(f.query)
    .split(' ')
    .filter((w) => w !== '');
  return devices.filter((d) => {
    if (f.kind !== '' && d.kind !== f.kind) return false;
    if (f.units !== null && (d.unitCode === null || !f.units.has(d.unitCode))) return false;
    if (words.length === 0) return true;
    const text = foldVietnamese(`${d.id} ${d.name ?? ''}`);
    return words.every((w) => text.includes(w));
  });
}

/** The indicators matching the search over code and both names, ignoring diacritics. */
export function filterIndicators(
  indicators: readonly PublicIndicator[],
  query: string,
): PublicIndicator[] {
  const words = foldVietnamese(query)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length === 0) return [...indicators];
  return indicators.filter((i) => {
    const text = foldVietnamese(`${i.code} ${i.nameVi} ${i.nameEn}`);
    return words.every((w) => text.includes(w));
  });
}

/** Metres in one degree of latitude (the WGS 84 mean; a degree of longitude is less away from the equator). */
const METRES_PER_DEGREE = 111_320;

/**
 * The grid a position rounded to `decimals` snaps to, north-south (3 decimals ≈ 111 m, as the
 * contract says): what an administrator weighs against privacy. `{value, unit}` so the caller
 * formats the number in the reader's language.
 */
export function roundingDistance(decimals: number): { value: number; unit: 'km' | 'm' | 'cm' } {
  const metres = METRES_PER_DEGREE * 10 ** -decimals;
  if (metres >= 1000) return { value: metres / 1000, unit: 'km' };
  if (metres >= 1) return { value: metres, unit: 'm' };
  return { value: metres * 100, unit: 'cm' };
}

import { DomainError } from '@ioc/contracts';
import { bad } from './spatial';
import { isSetName, type SetName } from './sta-model';

/** One step of a SensorThings resource path (OGC 18-088 §9.2): `Things('x')/Datastreams/$ref`. */
export type PathStep =
  | { kind: 'set'; name: SetName; key?: string }
  | { kind: 'nav'; name: string; key?: string }
  | { kind: 'property'; name: string }
  | { kind: 'value' }
  | { kind: 'ref' };

const SEGMENT = /^([A-Za-z][A-Za-z0-9_]*)(?:\((.*)\))?$/s;

/** `'a''b'` → `a'b`; a bare number or name is taken as it is (ids are strings here). */
function parseKey(raw: string): string {
  const k = raw.trim();
  if (k.startsWith("'")) {
    if (k.length < 2 || !k.endsWith("'") || k.slice(1, -1).replace(/''/g, '').includes("'"))
      throw bad(`key ${k} is not a quoted string`, 'path');
    return k.slice(1, -1).replace(/''/g, "'");
  }
  if (/^[A-Za-z0-9._:-]+$/.test(k)) return k;
  throw bad(`key ${k} is not valid`, 'path');
}

/** The steps of a path after the service root; segments are percent-decoded one by one. */
export function parseResourcePath(path: string): PathStep[] {
  const raw = path.split('/').filter((s) => s.length > 0);
  const steps: PathStep[] = [];
  raw.forEach((encoded, i) => {
    let seg: string;
    try {
      seg = decodeURIComponent(encoded);
    } catch {
      throw bad(`path segment ${encoded} is not valid percent-encoding`, 'path');
    }
    if (seg === '$value' || seg === '$ref') {
      if (i !== raw.length - 1) throw bad(`${seg} must end the path`, 'path');
      steps.push({ kind: seg === '$value' ? 'value' : 'ref' });
      return;
    }
    const m = SEGMENT.exec(seg);
    if (!m?.[1]) throw notFound(`no resource ${seg}`);
    const name = m[1];
    const key = m[2] === undefined ? undefined : parseKey(m[2]);
    if (i === 0) {
      if (!isSetName(name)) throw notFound(`no entity set ${name}`);
      steps.push(key === undefined ? { kind: 'set', name } : { kind: 'set', name, key });
    } else if (/^[A-Z]/.test(name)) {
      steps.push(key === undefined ? { kind: 'nav', name } : { kind: 'nav', name, key });
    } else {
      if (key !== undefined) throw bad(`${seg}: a property takes no key`, 'path');
      steps.push({ kind: 'property', name });
    }
  });
  return steps;
}

export function notFound(message: string): DomainError {
  return new DomainError('not_found', 'STA_NOT_FOUND', message);
}

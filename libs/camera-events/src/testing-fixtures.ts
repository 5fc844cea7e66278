import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** A recorded payload of libs/camera-events/fixtures (see its README). */
export function fixture(name: string): Buffer {
  return readFileSync(resolve(import.meta.dirname, '../fixtures', name));
}

import {
  openDataSettingsBody,
  publicationStateSchema,
  publicationUpdateBody,
  type OpenDataSettingsUpdate,
  type PublicationEntry,
  type PublicationState,
} from '@ioc/contracts';
import { call } from '../../../shared/api/call';

// The administrator's open-data routes (issue 17). Every answer is the whole publication state,
// so the section replaces what it shows with what the server now says.

const BASE = '/api/v1/open-data';
/** The most entries one PUT may carry (publicationUpdateBody). */
export const MAX_ENTRIES = 2000;

export async function fetchPublication(signal?: AbortSignal): Promise<PublicationState> {
  return publicationStateSchema.parse(await call('GET', `${BASE}/publication`, { signal }));
}

/**
 * Sends switches in batches the API accepts; the state after the last batch is returned. A
 * refused batch stops there: the earlier ones are saved and the caller reloads to show them.
 */
export async function savePublication(entries: PublicationEntry[]): Promise<PublicationState> {
  let state: PublicationState | null = null;
  for (let i = 0; i < entries.length; i += MAX_ENTRIES) {
    const body = publicationUpdateBody.parse({ entries: entries.slice(i, i + MAX_ENTRIES) });
    state = publicationStateSchema.parse(await call('PUT', `${BASE}/publication`, { body }));
  }
  if (state === null) throw new Error('savePublication needs at least one entry');
  return state;
}

export async function saveOpenDataSettings(
  patch: OpenDataSettingsUpdate,
): Promise<PublicationState> {
  const body = openDataSettingsBody.parse(patch);
  return publicationStateSchema.parse(await call('PATCH', `${BASE}/settings`, { body }));
}

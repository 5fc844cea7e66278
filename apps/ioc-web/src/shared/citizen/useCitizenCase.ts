import { ApiError } from '../api/client';
import { fetchCitizenCase, type CitizenCase } from '../api/citizen';
import { useResource } from '../api/useResource';

export type CaseLoadError = 'forbidden' | 'notFound' | 'other';

export interface CitizenCaseState {
  kase: CitizenCase | null;
  error: { kind: CaseLoadError; message: string } | null;
  loading: boolean;
  reload: () => void;
}

function kindOf(err: unknown): CaseLoadError {
  if (err instanceof ApiError && err.status === 403) return 'forbidden';
  if (err instanceof ApiError && err.status === 404) return 'notFound';
  return 'other';
}

/** One case with its full history; `kick` changing (a push, a step) reloads it. */
export function useCitizenCase(id: string, kick: unknown): CitizenCaseState {
  const { data, ...rest } = useResource(id, (signal) => fetchCitizenCase(id, signal), {
    classify: kindOf,
    // A refused case is never kept on screen.
    drops: (kind) => kind !== 'other',
    kick,
  });
  return { kase: data, ...rest };
}

import { isCaseId } from '../../../shared/citizen/caseModel';

/** `/tablet/phan-anh/<case id>` → the id; anything else → null (the ward's overview). */
export function citizenCaseIdOf(pathname: string): string | null {
  const m = /^\/tablet\/phan-anh\/([^/]+)\/?$/.exec(pathname);
  const id = m?.[1];
  return isCaseId(id) ? id : null;
}

export function citizenCasePath(id: string): string {
  return `/tablet/phan-anh/${id}`;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/tablet/phan-anh/<case id>` → the id; anything else → null (the ward's overview). */
export function citizenCaseIdOf(pathname: string): string | null {
  const m = /^\/tablet\/phan-anh\/([^/]+)\/?$/.exec(pathname);
  const id = m?.[1] ?? null;
  return id !== null && ID.test(id) ? id : null;
}

export function citizenCasePath(id: string): string {
  return `/tablet/phan-anh/${id}`;
}

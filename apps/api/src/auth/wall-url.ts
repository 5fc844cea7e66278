/** Path of the wall for a display token; the token rides as ?token= because screens cannot set headers. */
export function wallPath(unitCode: string, token: string): string {
  return `/wall?unit=${encodeURIComponent(unitCode)}&token=${encodeURIComponent(token)}`;
}

/** Wire shape of every error answer of the HTTP API. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** What the live services log through (Nest's Logger satisfies it). */
export interface LiveLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: LiveLogger = {
  log: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

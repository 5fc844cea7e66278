export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n  ${problems.join('\n  ')}\nSee .env.example for every setting.`,
    );
    this.name = 'ConfigError';
  }
}

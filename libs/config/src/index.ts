export { ConfigError } from './config.error';
export { parseEnv } from './parse';
export { apiConfigSchema, loadApiConfig, type ApiConfig } from './api.config';
export { cliConfigSchema, loadCliConfig, type CliConfig } from './cli.config';

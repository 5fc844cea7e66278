import { ConsoleLogger } from '@nestjs/common';

/** Nest's start-up chatter (one line per route and module) buries the URLs an operator needs. */
const STARTUP_CONTEXTS = new Set([
  'RoutesResolver',
  'RouterExplorer',
  'InstanceLoader',
  'NestFactory',
  'NestApplication',
  'WebSocketsController',
]);

export class QuietLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context !== undefined && STARTUP_CONTEXTS.has(context)) return;
    super.log(message, context);
  }
}

import { pino, destination, type Logger } from 'pino';

export type { Logger };

/** Structured logs to stderr, so that stdout stays clean for `kg extract --format json`. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: undefined }, destination(2));
}

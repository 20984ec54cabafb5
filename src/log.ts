import { pino, destination, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

export interface LoggerOptions {
  /** Human-readable lines (pino-pretty) instead of JSON; by default, when stderr is a terminal. */
  pretty?: boolean;
}

/**
 * Logs to stderr, so that stdout stays clean for `kg extract --format json`: readable lines for
 * a person at a terminal, JSON lines for whatever collects them otherwise (docker, systemd, CI).
 * pino-pretty runs in-process and synchronously: no worker thread, and nothing is lost when the
 * process exits right after a message.
 */
export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', options: LoggerOptions = {}): Logger {
  const human = options.pretty ?? process.stderr.isTTY === true;
  const stream = human ? pretty({ destination: 2, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }) : destination(2);
  return pino({ level, base: undefined }, stream);
}

import { env } from './config/env';
import { Redactor } from './redact';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogSink = (line: string) => void;

/** Every line gets at least the pattern net; a run's logger also knows the run's secrets. */
const PATTERNS_ONLY = new Redactor();

/**
 * Structured JSON logger. Every line is redacted before it is written, so a key or
 * secret passed by mistake never reaches CloudWatch.
 */
export class Logger {
  constructor(
    private readonly context: Record<string, unknown> = {},
    private readonly level: Level | 'silent' = env.LOG_LEVEL,
    private readonly sink: LogSink = (line) => process.stdout.write(line + '\n'),
    private readonly redactor: Redactor = PATTERNS_ONLY,
  ) {}

  child(context: Record<string, unknown>): Logger {
    return new Logger({ ...this.context, ...context }, this.level, this.sink, this.redactor);
  }

  /** The same logger, redacting with `redactor` (which may learn more secrets as it goes). */
  redacting(redactor: Redactor): Logger {
    return new Logger(this.context, this.level, this.sink, redactor);
  }

  debug(message: string, data?: Record<string, unknown>): void {
    this.write('debug', message, data);
  }
  info(message: string, data?: Record<string, unknown>): void {
    this.write('info', message, data);
  }
  warn(message: string, data?: Record<string, unknown>): void {
    this.write('warn', message, data);
  }
  error(message: string, data?: Record<string, unknown>): void {
    this.write('error', message, data);
  }

  private write(level: Level, message: string, data?: Record<string, unknown>): void {
    if (ORDER[level] < ORDER[this.level]) return;
    const entry = this.redactor.value({
      level,
      timestamp: new Date().toISOString(),
      service: env.SERVICE_NAME,
      message,
      ...this.context,
      ...data,
    });
    this.sink(JSON.stringify(entry));
  }
}

export const logger = new Logger();

import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/**
 * Keys whose values may hold personal data or secrets. Their values are replaced in every log line,
 * at any level, wherever they appear (top level or one level down).
 */
export const REDACTED_KEYS = [
  'text',
  'message_text',
  'values',
  'answers',
  'password',
  'token',
  'cookie',
  'authorization',
  'name',
  'fullName',
  'hoTen',
  'ho_ten',
  'phone',
  'email',
  'address',
  'idNumber',
  'so_dinh_danh',
  'qr',
] as const;

export interface CreateLoggerOptions {
  level?: string;
  /** Human-friendly output; only when a person watches a terminal. */
  pretty?: boolean;
  /** Where JSON lines go (tests capture them); defaults to stdout. */
  destination?: NodeJS.WritableStream;
}

/** Builds the root pino logger with personal-data redaction. */
export function createLogger({ level = 'info', pretty = false, destination }: CreateLoggerOptions = {}): Logger {
  const paths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `req.headers.${key}`]);
  const options: LoggerOptions = {
    level,
    base: { service: 'ward-assistant' },
    redact: { paths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (destination) return pino(options, destination as pino.DestinationStream);
  if (pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } } });
  }
  return pino(options);
}

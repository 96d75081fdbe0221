import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/shared/logger.js';

/** A logger that keeps every JSON line in memory, so tests can assert on what was (not) logged. */
export function buildCapturingLogger(level = 'trace'): { logger: Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  const logger = createLogger({ level, destination });
  return { logger, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

/** A logger that discards everything. */
export function buildSilentLogger(): Logger {
  return createLogger({ level: 'silent' });
}

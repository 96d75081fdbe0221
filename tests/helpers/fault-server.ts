/**
 * Test-only child entry: the real service (fault-server-compose.ts) whose storage fault hook kills the process with
 * SIGKILL at a chosen point of a write — no production code reads a kill switch. Start it through
 * startFaultServer() in fault-server-process.ts, or by hand:
 *
 *   DATA_DIR=/tmp/d DATA_KEY=<base64 32 bytes> node --import tsx tests/helpers/fault-server.ts --kill-at=dossiers.create
 *
 * Kill points (`--kill-at=` or FAULT_KILL_AT):
 * - an operation name the storage passes to `faults.beforeWrite` (`dossiers.create`, `sessions.updateState`,
 *   `transaction.commit`, `revisions.publish`, …): killed just before that write (or that commit) happens;
 * - `sql:<statement prefix>` (e.g. `sql:INSERT INTO dossiers`): killed right after a statement starting with that
 *   text ran, inside its still-open transaction — the moment a crash could leave half a write.
 * FAULT_KILL_OCCURRENCE=n fires at the n-th match (default 1). FAULT_ARMED=0 starts disarmed: the parent arms it
 * over IPC ({ type: 'arm' } → { type: 'armed' }) once the data it wants committed is there. Prints
 * `{"faultServer":"ready","port":N}` on stdout (and sends it over IPC) when it listens; logs go to stderr.
 */
import { writeSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createLogger } from '../../src/shared/logger.js';
import { parseKeyText } from '../../src/storage/key.js';
import { composeFaultServer } from './fault-server-compose.js';

/** Messages between the test and this child. */
export type FaultServerMessage = { type: 'ready'; port: number } | { type: 'arm' } | { type: 'armed' };

function readSetting(name: string, flag: string): string | undefined {
  const prefix = `--${flag}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? process.env[name];
}

function fail(message: string): never {
  process.stderr.write(`fault-server: ${message}\n`);
  process.exit(2);
}

/** SIGKILL to ourselves: no exit handlers, no finally blocks, no rollback — as a power cut of the process. */
function die(point: string): never {
  writeSync(2, `fault-server: SIGKILL at ${point}\n`);
  process.kill(process.pid, 'SIGKILL');
  // The signal is delivered before the call returns; block in case it is not, so nothing runs after the kill point.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  throw new Error('unreachable');
}

const dataDir = readSetting('DATA_DIR', 'data-dir') ?? fail('DATA_DIR is required');
const key = parseKeyText(readSetting('DATA_KEY', 'data-key') ?? '') ?? fail('DATA_KEY (32 bytes, base64 or hex) is required');
const killAt = readSetting('FAULT_KILL_AT', 'kill-at') || undefined;
const occurrence = Number(readSetting('FAULT_KILL_OCCURRENCE', 'occurrence') ?? '1');
if (!Number.isInteger(occurrence) || occurrence < 1) fail('FAULT_KILL_OCCURRENCE must be a whole number ≥ 1');
let armed = readSetting('FAULT_ARMED', 'armed') !== '0';
let seen = 0;

/** True when this match of the kill point is the one to fire on. */
const fires = (): boolean => armed && ++seen >= occurrence;

if (killAt?.startsWith('sql:')) {
  const prefix = killAt.slice(4).replace(/\s+/g, ' ').trim();
  // Every repository statement is a better-sqlite3 Statement: wrap its prototype's run() in this process only.
  const probe = new Database(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as { run: (...args: unknown[]) => unknown };
  probe.close();
  const run = proto.run;
  proto.run = function (this: { source: string }, ...args: unknown[]) {
    const result = run.apply(this, args);
    if (this.source.replace(/\s+/g, ' ').trim().startsWith(prefix) && fires()) die(killAt);
    return result;
  };
}

const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', destination: process.stderr });
const server = await composeFaultServer({
  dataDir,
  key,
  logger,
  ...(process.env.ADMIN_TOKEN ? { adminToken: process.env.ADMIN_TOKEN } : {}),
  ...(killAt && !killAt.startsWith('sql:') ? { faults: { beforeWrite: (op: string) => (op === killAt && fires() ? die(op) : undefined) } } : {}),
});

process.on('message', (message: FaultServerMessage) => {
  if (message.type !== 'arm') return;
  armed = true;
  seen = 0;
  process.send?.({ type: 'armed' } satisfies FaultServerMessage);
});
process.once('SIGTERM', () => {
  void server.close().finally(() => process.exit(0));
});
process.stdout.write(`${JSON.stringify({ faultServer: 'ready', port: server.port })}\n`);
process.send?.({ type: 'ready', port: server.port } satisfies FaultServerMessage);

/**
 * Runs fault-server.ts in a child process over a data directory, to kill it (SIGKILL) at a chosen point of a write
 * and then check what survived. Reusable for any write: a dossier save (`dossiers.create`, `transaction.commit`,
 * `sql:INSERT INTO dossiers`), a knowledge publish (`revisions.publish`), … The child is killed on every exit
 * path of the test process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FaultServerMessage } from './fault-server.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ENTRY = path.join(HERE, 'fault-server.ts');
const ROOT = path.resolve(HERE, '../..');
const READY_TIMEOUT_MS = 60_000;

export interface StartFaultServerOptions {
  dataDir: string;
  /** DATA_KEY: 32 bytes as base64 or hex. */
  dataKey: string;
  /**
   * Where to SIGKILL the server: a storage operation name (`dossiers.create`, `transaction.commit`,
   * `revisions.publish`, …) or `sql:<statement prefix>`; none for a normal server.
   */
  killAt?: string;
  /** Fire at the n-th time the kill point is reached after arming (default 1). */
  occurrence?: number;
  /** Start with the kill point armed (default true); otherwise call `arm()` once the setup is committed. */
  armed?: boolean;
  /** Extra environment (ADMIN_TOKEN, LOG_LEVEL, …). */
  env?: Record<string, string>;
}

export interface FaultServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface FaultServer {
  pid: number;
  port: number;
  url: string;
  wsUrl: string;
  /** Arms the kill point now (and restarts its occurrence count). */
  arm(): Promise<void>;
  /** Settles when the child exits: `signal` is `SIGKILL` when the kill point fired. */
  exited: Promise<FaultServerExit>;
  /** Everything the child printed (its logs go to stderr), for failure messages. */
  output(): string;
  /** Stops the child gracefully (SIGTERM, then SIGKILL after 5 s); harmless after it died. */
  stop(): Promise<FaultServerExit>;
}

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Starts the fault server and resolves once it listens; rejects with its output if it exits first. */
export async function startFaultServer(options: StartFaultServerOptions): Promise<FaultServer> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATA_KEY', 'KEY_FILE', 'ADMIN_TOKEN', 'LLM_URL', 'LLM_MODEL', 'LLM_API_KEY', 'FAULT_KILL_AT', 'FAULT_KILL_OCCURRENCE', 'FAULT_ARMED']) delete env[name];
  Object.assign(env, {
    DATA_DIR: options.dataDir,
    DATA_KEY: options.dataKey,
    LOG_LEVEL: 'warn',
    ...(options.killAt ? { FAULT_KILL_AT: options.killAt } : {}),
    ...(options.occurrence ? { FAULT_KILL_OCCURRENCE: String(options.occurrence) } : {}),
    ...(options.armed === false ? { FAULT_ARMED: '0' } : {}),
    ...options.env,
  });
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  live.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<FaultServerExit>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    }),
  );

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fault server not ready after ${READY_TIMEOUT_MS / 1000} s\n${output}`)), READY_TIMEOUT_MS);
    child.on('message', (message: FaultServerMessage) => {
      if (message.type !== 'ready') return;
      clearTimeout(timer);
      resolve(message.port);
    });
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(new Error(`fault server exited (${exit.signal ?? exit.code}) before it was ready\n${output}`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });

  return {
    pid: child.pid ?? 0,
    port,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws/chat`,
    exited,
    output: () => output,
    arm: () =>
      new Promise<void>((resolve, reject) => {
        const onMessage = (message: FaultServerMessage) => {
          if (message.type !== 'armed') return;
          child.off('message', onMessage);
          resolve();
        };
        child.on('message', onMessage);
        child.send({ type: 'arm' } satisfies FaultServerMessage, (error) => error && reject(error));
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        const exit = await exited;
        clearTimeout(force);
        return exit;
      }
      return exited;
    },
  };
}

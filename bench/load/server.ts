/**
 * The service under test, run as a child process exactly as `npm start` would run it (minus the build), so the
 * load generator's CPU and memory are never mixed with the server's. The child is killed on every exit path.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface ServerSettings {
  dataDir: string;
  keyFile: string;
  maxConnections: number;
  messagesPerMinute: number;
  messagesPerMinutePerIp: number;
  /** Extra environment, set last (DATABASE_URL and DATA_KEY for instances sharing PostgreSQL). */
  env?: Record<string, string>;
  /** Node's arguments; default `--import tsx src/main.ts` (the start bench runs the build, `dist/src/main.js`). */
  nodeArgs?: string[];
}

export interface RunningServer {
  pid: number;
  port: number;
  /** Milliseconds from spawn to the first `/healthz` with status ok. */
  readyMs: number;
  health: Record<string, unknown>;
  /** Warn/error log lines the server printed (LOG_LEVEL=warn), for the error count. */
  logLines(): string[];
  /** `/healthz` now (the dense index state settles after ready, so it is read again after the load). */
  checkHealth(): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
// A crashed or interrupted bench must not leave a server listening: kill synchronously on the way out.
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of live) child.kill('SIGKILL');
    process.exit(130);
  });
}

/** A port free right now on loopback: bind 0, read it, release it (the server binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Environment for the child: the parent's PATH etc., but never an LLM endpoint (the target is "without a model"). */
function childEnv(settings: ServerSettings, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['LLM_URL', 'LLM_MODEL', 'LLM_API_KEY', 'DATA_KEY', 'ADMIN_TOKEN', 'TRUST_PROXY']) delete env[name];
  return {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: settings.dataDir,
    KEY_FILE: settings.keyFile,
    LOG_LEVEL: 'warn',
    CHAT_MAX_CONNECTIONS: String(settings.maxConnections),
    // Every simulated citizen connects from loopback: one address must be allowed all of them.
    CHAT_MAX_CONNECTIONS_PER_IP: String(settings.maxConnections),
    CHAT_MESSAGES_PER_MINUTE: String(settings.messagesPerMinute),
    CHAT_MESSAGES_PER_MINUTE_PER_IP: String(settings.messagesPerMinutePerIp),
    ...settings.env,
  };
}

const READY_TIMEOUT_MS = 90_000;

/** Spawns `node --import tsx src/main.ts` (or `nodeArgs`) and resolves once `/healthz` says ok; kills the child if it never does. */
export async function startServer(settings: ServerSettings): Promise<RunningServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, settings.nodeArgs ?? ['--import', 'tsx', 'src/main.ts'], {
    env: childEnv(settings, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim() && lines.length < 10_000) lines.push(line);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code;
      live.delete(child);
      resolve();
    }),
  );

  const stop = async () => {
    if (exited !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exit;
    clearTimeout(timer);
  };

  try {
    const health = await waitHealthy(port, () => exited);
    const readyMs = performance.now() - started;
    const checkHealth = async () => (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as Record<string, unknown>;
    return { pid: child.pid ?? 0, port, readyMs, health, logLines: () => lines, checkHealth, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${lines.slice(-20).join('\n')}`);
  }
}

async function waitHealthy(port: number, exitCode: () => number | null | undefined): Promise<Record<string, unknown>> {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (exitCode() !== undefined) throw new Error(`server exited with code ${exitCode()} before it was ready`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
      const body = (await res.json()) as Record<string, unknown>;
      if (body.status === 'ok') return body;
    } catch {
      // not listening yet: retry below
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server not ready after ${READY_TIMEOUT_MS / 1000} s`);
}

/**
 * One instance of the real service (`node --import tsx src/main.ts`, configured by environment as in production)
 * in a child process on loopback, for the multi-instance tests: several of them share one DATABASE_URL and
 * DATA_KEY, each with its own DATA_DIR. The knowledge folder is a small copy (the curated entries, synonyms, ward
 * settings; no catalogue) so an instance is ready in seconds. Children are killed on every exit path.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const READY_TIMEOUT_MS = 90_000;

export interface StartInstanceOptions {
  /** This instance's own directory (index caches); never shared between instances. */
  dataDir: string;
  /** The knowledge folder (see copyCuratedKnowledge). */
  knowledgeDir: string;
  /** PostgreSQL shared by the instances; unset = SQLite in `dataDir`. */
  databaseUrl?: string;
  /** Runs the node command line through another command (e.g. `unshare` for a read-only mount). */
  launch?: (command: string, args: string[]) => { command: string; args: string[] };
  /** DATA_KEY shared by every instance: 32 bytes as base64 or hex. */
  dataKey: string;
  /** Extra environment (LOG_LEVEL, CHAT_MESSAGES_PER_MINUTE, …). */
  env?: Record<string, string>;
}

export interface Instance {
  pid: number;
  port: number;
  url: string;
  wsUrl: string;
  /** Everything the child printed, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; harmless after it died. */
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Copies the curated entries, synonyms, thresholds and example ward settings into `dir` (no catalogue). */
export function copyCuratedKnowledge(dir: string): string {
  const source = path.join(ROOT, 'knowledge');
  mkdirSync(path.join(dir, 'curated'), { recursive: true });
  for (const file of readdirSync(path.join(source, 'curated'))) copyFileSync(path.join(source, 'curated', file), path.join(dir, 'curated', file));
  for (const file of ['synonyms.yaml', 'thresholds.json', 'ward-settings.example.yaml']) copyFileSync(path.join(source, file), path.join(dir, file));
  return dir;
}

/** A port free right now on loopback (the child binds it a moment later). */
export function findFreePort(): Promise<number> {
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

/** Starts an instance and resolves once its `/healthz` says ok; rejects with its output if it exits or stalls. */
export async function startInstance(options: StartInstanceOptions): Promise<Instance> {
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'KEY_FILE', 'ADMIN_TOKEN', 'LLM_URL', 'LLM_MODEL', 'LLM_API_KEY', 'TRUST_PROXY', 'WARD_SETTINGS_FILE']) delete env[name];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
    KNOWLEDGE_DIR: options.knowledgeDir,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    DATA_KEY: options.dataKey,
    EMBEDDER: 'none',
    LOG_LEVEL: 'info',
    ...options.env,
  });
  const node = { command: process.execPath, args: ['--import', 'tsx', 'src/main.ts'] };
  const { command, args } = options.launch ? options.launch(node.command, node.args) : node;
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    if (output.length < 2_000_000) output += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exitCode = code;
      live.delete(child);
      resolve();
    }),
  );
  const stop = async () => {
    if (exitCode !== undefined) return;
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(force);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`instance exited (${exitCode}) before it was ready\n${output}`);
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`instance not ready after ${READY_TIMEOUT_MS / 1000} s\n${output}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (((await res.json()) as { status?: string }).status === 'ok') break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { pid: child.pid ?? 0, port, url, wsUrl: `ws://127.0.0.1:${port}/ws/chat`, output: () => output, stop };
}

import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** A throw-away PostgreSQL for one test file: a fresh database at `url`, more on demand, all gone after `stop`. */
export interface TestPostgres {
  /** A fresh, empty database made for this test file. */
  url: string;
  /** Creates another fresh, empty database in the same cluster and returns its URL. */
  createDatabase(): Promise<string>;
  /** Drops the databases made here and, when the cluster was started here, stops it and removes its files. */
  stop(): Promise<void>;
}

/** Where initdb and pg_ctl live: PATH first, then Debian's /usr/lib/postgresql/<version>/bin (newest first). */
export function findPostgresBin(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = path.join(root, version, 'bin');
    if (existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  return undefined;
}

/** True when PostgreSQL tests must run (CI): a missing PostgreSQL is then a failure, never a skip. */
export function postgresRequired(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1' || process.env.PG_TEST_REQUIRED === '1';
}

/** Why the PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresUnavailableReason(): string | undefined {
  if (process.env.PG_TEST_URL) return undefined;
  if (findPostgresBin()) return undefined;
  return 'no PostgreSQL found (set PG_TEST_URL, or install initdb/pg_ctl on PATH or under /usr/lib/postgresql/*/bin)';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The uid/gid of the `postgres` account, which the cluster runs as when we are root (postgres refuses root). */
function postgresAccount(): { uid: number; gid: number } {
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error('running as root but there is no `postgres` user to run the test cluster as (apt-get install postgresql creates it)');
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function hasRunuser(): boolean {
  return spawnSync('runuser', ['--help'], { stdio: 'ignore' }).status === 0;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForConnections(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await adminQuery(url, 'SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

interface Cluster {
  adminUrl: string;
  stop(): Promise<void>;
}

/** initdb into a temp dir and pg_ctl start on a free port, as the `postgres` user when running as root. */
async function startCluster(bin: string): Promise<Cluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ward-pg-'));
  const dataDir = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const account = asRoot ? postgresAccount() : undefined;
  if (account) chownSync(dir, account.uid, account.gid);
  const exec = (file: string, args: string[]) => {
    const command = path.join(bin, file);
    if (!asRoot) return run(command, args);
    if (hasRunuser()) return run('runuser', ['-u', 'postgres', '--', command, ...args]);
    // su takes one shell command line: quote every argument for /bin/sh.
    const line = [command, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
    return run('su', ['postgres', '-s', '/bin/sh', '-c', line]);
  };

  await exec('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']);
  const port = await freePort();
  // fsync off: a test cluster is thrown away, and it makes CREATE DATABASE and commits far faster.
  const settings = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${dir}'`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  await exec('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'server.log'), '-o', settings, '-w', '-t', '60', 'start']);
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitForConnections(adminUrl);
  return {
    adminUrl,
    stop: async () => {
      try {
        await exec('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Starts (or, with PG_TEST_URL, borrows) a PostgreSQL for one test file. With PG_TEST_URL the given server is
 * used and only the databases made here are dropped; otherwise a private cluster is started and stopped.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  let cluster: Cluster;
  if (process.env.PG_TEST_URL) {
    cluster = { adminUrl: process.env.PG_TEST_URL, stop: async () => undefined };
  } else {
    const bin = findPostgresBin();
    if (!bin) throw new Error(postgresUnavailableReason());
    cluster = await startCluster(bin);
  }
  const created: string[] = [];
  const createDatabase = async () => {
    const name = `ward_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(cluster.adminUrl, `CREATE DATABASE ${name}`);
    created.push(name);
    return withDatabase(cluster.adminUrl, name);
  };
  const url = await createDatabase();
  return {
    url,
    createDatabase,
    stop: async () => {
      try {
        for (const name of created) await adminQuery(cluster.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cluster.stop();
      }
    },
  };
}

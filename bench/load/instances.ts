/**
 * `npm run bench:load -- --instances 2`: the same citizens against several instances of the service sharing one
 * PostgreSQL and one DATA_KEY, behind the round-robin proxy (no stickiness), each instance with its own DATA_DIR.
 * Writes its own section of bench/load-results.md beside the single-instance figures.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startTestPostgres } from '../../tests/helpers/postgres.js';
import { machine, SHARED_MACHINE_PERCENT, upsertSection, verdict } from './report.js';
import { runLoad, type LoadResult, type LoadSettings } from './scenario.js';
import { spawnProxy } from './proxy-process.js';
import { startServer, type RunningServer, type ServerSettings } from './server.js';
import type { Latency } from './stats.js';

export const INSTANCES_HEADING = '## Several instances behind a load balancer';
const RESULTS_FILE = 'bench/load-results.md';

const f0 = (x: number) => x.toFixed(0);
const f1 = (x: number) => x.toFixed(1);
const ms = (l: Latency) => `${f1(l.p50)} / ${f1(l.p95)} / ${f1(l.p99)} / ${f0(l.max)}`;

interface InstancesRun {
  count: number;
  results: LoadResult[];
  /** PostgreSQL's CPU (all its processes), % of one core, per level; undefined when it is not on this machine. */
  postgresCpu: (number | undefined)[];
  coldStartsMs: number[];
  postgres: string;
  external: boolean;
  settings: LoadSettings;
  serverEnv: Record<string, string>;
  totalS: number;
}

/** Runs every level against `count` instances behind the proxy; PostgreSQL from BENCH_DATABASE_URL or a throw-away cluster. */
export async function runInstancesBench(levels: readonly number[], settings: LoadSettings, count: number, questions: readonly string[]): Promise<void> {
  const began = performance.now();
  const external = process.env.BENCH_DATABASE_URL;
  const postgres = external ? { url: external, stop: async () => undefined } : await startTestPostgres();
  const dirs = Array.from({ length: count }, (_, i) => mkdtempSync(path.join(os.tmpdir(), `ward-load-i${i + 1}-`)));
  const keyDir = mkdtempSync(path.join(os.tmpdir(), 'ward-load-key-'));
  const removeTemp = () => {
    for (const dir of [...dirs, keyDir]) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', removeTemp);
  const dataKey = randomBytes(32).toString('base64');
  const perInstance = (dataDir: string): ServerSettings => ({
    dataDir,
    keyFile: path.join(keyDir, 'unused.key'),
    maxConnections: Math.max(...levels) * 2 + 100,
    messagesPerMinute: 600,
    messagesPerMinutePerIp: 100_000,
    env: { DATABASE_URL: postgres.url, DATA_KEY: dataKey },
  });
  try {
    const version = await serverVersion(postgres.url);
    const postmaster = await postmasterPid(postgres.url);
    const postgresCpu: (number | undefined)[] = [];
    // Cold starts one after the other: the first migrates the empty database, each warms its own DATA_DIR.
    const coldStartsMs: number[] = [];
    for (const dir of dirs) {
      const cold = await startServer(perInstance(dir));
      coldStartsMs.push(cold.readyMs);
      await cold.stop();
    }
    console.log(`cold starts to /healthz ok: ${coldStartsMs.map((m) => f1(m / 1000)).join(', ')} s`);

    const results: LoadResult[] = [];
    for (const n of levels) {
      const instances: RunningServer[] = [];
      let proxy: Awaited<ReturnType<typeof spawnProxy>> | undefined;
      try {
        instances.push(...(await Promise.all(dirs.map((dir) => startServer(perInstance(dir))))));
        proxy = await spawnProxy(instances.map((s) => `http://127.0.0.1:${s.port}`));
        const pgBefore = postmaster ? { ticks: clusterTicks(postmaster), at: performance.now() } : undefined;
        const r = await runLoad(n, { port: proxy.port, pid: proxy.pid, pids: [...instances.map((s) => s.pid), proxy.pid], logLines: () => instances.flatMap((s) => s.logLines()) }, questions, settings);
        const pgCpu = pgBefore && postmaster ? ((clusterTicks(postmaster) - pgBefore.ticks) / CLOCK_TICKS / ((performance.now() - pgBefore.at) / 1000)) * 100 : undefined;
        postgresCpu.push(pgCpu);
        results.push(r);
        const a = r.tally.answers;
        console.log(
          `N=${n} on ${count} instances: ${a.count} answers in ${r.wallS.toFixed(1)} s (${r.answersPerS.toFixed(1)}/s), p50 ${a.p50.toFixed(1)} p95 ${a.p95.toFixed(1)} p99 ${a.p99.toFixed(1)} ms, errors ${r.tally.errors}, instances CPU ${r.processes.slice(0, count).map((p) => f0(p.cpuPercent)).join(' + ')}%, proxy CPU ${f0(r.processes[count]?.cpuPercent ?? 0)}%, PostgreSQL CPU ${pgCpu === undefined ? '?' : f0(pgCpu)}%, other programs ${f0(others(r, pgCpu))}%`,
        );
      } finally {
        await proxy?.stop();
        await Promise.all(instances.map((s) => s.stop()));
      }
    }
    const run: InstancesRun = {
      count,
      results,
      postgresCpu,
      coldStartsMs,
      postgres: version,
      external: Boolean(external),
      settings,
      serverEnv: { CHAT_MAX_CONNECTIONS: String(perInstance('').maxConnections), CHAT_MAX_CONNECTIONS_PER_IP: String(perInstance('').maxConnections), CHAT_MESSAGES_PER_MINUTE: '600', CHAT_MESSAGES_PER_MINUTE_PER_IP: '100000' },
      totalS: (performance.now() - began) / 1000,
    };
    writeFileSync(RESULTS_FILE, upsertSection(readFileSync(RESULTS_FILE, 'utf8'), instancesSection(run), INSTANCES_HEADING));
    console.log(`target: ${verdict(results).text}`);
    console.log(`wrote the "${INSTANCES_HEADING.slice(3)}" section of ${RESULTS_FILE}`);
  } finally {
    await postgres.stop();
    removeTemp();
  }
}

/** Busy CPU outside the benchmark's own processes (and outside PostgreSQL when it was measured). */
function others(r: LoadResult, postgresCpu: number | undefined): number {
  return Math.max(0, r.othersCpuPercent - (postgresCpu ?? 0));
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** The postmaster's pid when PostgreSQL runs on this machine (the parent of our own backend), else undefined. */
async function postmasterPid(url: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const status = `/proc/${rows[0]?.pid}/status`;
    if (!existsSync(status)) return undefined;
    const ppid = Number(readFileSync(status, 'utf8').match(/^PPid:\s+(\d+)/m)?.[1]);
    return ppid > 1 ? ppid : undefined;
  } catch {
    return undefined;
  } finally {
    await client.end();
  }
}

/** CPU ticks of a process's stat line: utime + stime, plus its reaped children's (cutime + cstime) if asked. */
function statTicks(pid: number | string, withReaped: boolean): { ticks: number; ppid: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = Number(rest[11]) + Number(rest[12]);
    return { ticks: own + (withReaped ? Number(rest[13]) + Number(rest[14]) : 0), ppid: Number(rest[1]) };
  } catch {
    return undefined;
  }
}

/**
 * Every tick PostgreSQL spent: the postmaster with the children it has reaped, plus its live children (backends
 * come and go with the pools, so they cannot be sampled one by one).
 */
function clusterTicks(postmaster: number): number {
  let total = statTicks(postmaster, true)?.ticks ?? 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const child = statTicks(name, false);
    if (child?.ppid === postmaster) total += child.ticks;
  }
  return total;
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

function instancesSection(run: InstancesRun): string {
  const { count, results } = run;
  const busy = results.map((r, i) => ({ r, i })).filter(({ r, i }) => others(r, run.postgresCpu[i]) > SHARED_MACHINE_PERCENT);
  return [
    INSTANCES_HEADING,
    '',
    `\`npm run bench:load -- --instances ${count} ${results.map((r) => r.n).join(' ')}\`. Machine: ${machine()}. Run ${new Date().toISOString().slice(0, 16)}Z, ${f0(run.totalS)} s in all.`,
    '',
    `${count} instances of the service (\`node --import tsx src/main.ts\`, each its own DATA_DIR, \`LOG_LEVEL=warn\`, no model) sharing one PostgreSQL ${run.postgres} (${run.external ? 'given by BENCH_DATABASE_URL' : 'a throw-away cluster on this machine from tests/helpers/postgres.ts, **fsync off**: commits cost less than on a production server'}) through \`DATABASE_URL\` and one \`DATA_KEY\`, behind bench/load/proxy.ts — a round-robin reverse proxy for HTTP and WebSocket upgrades, no stickiness, in its own process. Each level starts fresh instances on the warm DATA_DIRs (cold starts ${run.coldStartsMs.map((m) => f1(m / 1000)).join(', ')} s, the first one migrating the empty database). Same citizens, conversations, think time and rate limits as above (${Object.entries(run.serverEnv).map(([k, v]) => `\`${k}=${v}\``).join(', ')} on each instance), so the two tables compare directly.`,
    '',
    `CPU is % of one core over the level: each instance and the proxy from /proc/<pid>/stat; PostgreSQL as all its processes (the postmaster with its reaped and live children). **Everything shares the same ${os.cpus().length} cores** — instances, proxy, PostgreSQL and the generator — so this shows that several instances work together under load and what the proxy hop and a networked database cost, not how the service scales on separate machines.`,
    '',
    `Target (${verdict(results).text}).${busy.length ? ` **The machine was shared**: programs outside the benchmark took over ${SHARED_MACHINE_PERCENT}% of a core at ${busy.map(({ r, i }) => `N = ${r.n} (${f0(others(r, run.postgresCpu[i]))}%)`).join(', ')}, competing for the same cores; those latencies are pessimistic.` : ''}`,
    '',
    `| N | wall s | conversations (completed) | answers | answers/s | answer p50 / p95 / p99 / max ms | errors | instances CPU % (each) | instances peak RSS MB (each) | proxy CPU % | PostgreSQL CPU % | generator CPU % | generator loop delay p99 ms | other programs CPU % |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map((r, i) => {
      const pgCpu = run.postgresCpu[i];
      const inst = r.processes.slice(0, count);
      const proxy = r.processes[count];
      return `| ${r.n} | ${f1(r.wallS)} | ${r.conversations} (${r.completed}) | ${r.tally.answers.count} | ${f1(r.answersPerS)} | ${ms(r.tally.answers)} | ${r.tally.errors}${r.tally.errors ? ` (${Object.entries(r.tally.errorsBy).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''} | ${inst.map((p) => f0(p.cpuPercent)).join(' + ')} | ${inst.map((p) => f0(p.peakRssMb)).join(' + ')} | ${f0(proxy?.cpuPercent ?? 0)} | ${pgCpu === undefined ? 'not measured' : f0(pgCpu)} | ${f0(r.generator.cpuPercent)} | ${f1(r.generator.loopDelayP99Ms)} | ${f0(others(r, pgCpu))} |`;
    }),
    '',
    ...results.map(
      (r) =>
        `N = ${r.n}: per frame p95 ${Object.entries(r.tally.byLabel).map(([label, l]) => `${label} ${f1(l.p95)}`).join(', ')} ms; replies to questions by kind: ${Object.entries(r.tally.questionKinds).map(([k, v]) => `${k} ${v}`).join(', ')}; server warn/error log lines: ${r.serverWarnLines}.`,
    ),
    '',
  ].join('\n');
}

/**
 * `npm run bench:load [N ...] [--window=S] [--ramp=S] [--instances K]`: N concurrent WebSocket citizens (default
 * 50, 200, 500) against the real service in a child process on loopback. Writes bench/load-results.md and the Load
 * section of bench/results.md. With `--instances K` (K ≥ 2), K instances sharing one PostgreSQL behind a
 * round-robin proxy instead (instances.ts), written to their own section of bench/load-results.md. Every level
 * stops by itself; servers are killed and temp dirs removed on every exit path.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INSTANCES_HEADING, runInstancesBench } from './instances.js';
import { loadResultsMarkdown, resultsSection, upsertSection, verdict, type RunInfo } from './report.js';
import { runLoad, type LoadResult, type LoadSettings } from './scenario.js';
import { loadQuestions } from './script.js';
import { startServer, type ServerSettings } from './server.js';

function parseArgs(raw: readonly string[]): { levels: number[]; settings: LoadSettings; instances: number } {
  // `--instances 2` as well as `--instances=2`.
  const argv = raw.flatMap((a, i) => (a === '--instances' ? [] : raw[i - 1] === '--instances' ? [`--instances=${a}`] : [a]));
  const option = (name: string, fallback: number) => {
    const raw = argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} expects a positive number`);
    return value;
  };
  const levels = argv.filter((a) => !a.startsWith('--')).map(Number);
  if (levels.some((n) => !Number.isInteger(n) || n < 1 || n > 5_000)) throw new Error('N must be whole numbers 1–5000');
  const instances = option('instances', 1);
  if (!Number.isInteger(instances) || instances > 8) throw new Error('--instances expects a whole number 1–8');
  return {
    instances,
    levels: levels.length ? levels : [50, 200, 500],
    settings: {
      rampMs: option('ramp', 5) * 1000,
      // 40 s of talking after a 5 s ramp keeps each level ≤ 45 s plus the last replies (bounded by the timeout).
      windowMs: option('window', 40) * 1000,
      thinkMinMs: 1_000,
      thinkMaxMs: 3_000,
      timeoutMs: 10_000,
      maxMessagesPerCitizen: 40,
    },
  };
}

async function main(): Promise<void> {
  const { levels, settings, instances } = parseArgs(process.argv.slice(2));
  const began = performance.now();
  const questions = loadQuestions(['bench/calibration.jsonl', 'bench/holdout.jsonl']);
  if (instances > 1) return runInstancesBench(levels, settings, instances, questions);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ward-load-data-'));
  // KEY_FILE must be outside DATA_DIR (the service refuses a key stored next to the data it protects).
  const keyDir = mkdtempSync(path.join(os.tmpdir(), 'ward-load-key-'));
  const server: ServerSettings = {
    dataDir,
    keyFile: path.join(keyDir, 'data.key'),
    maxConnections: Math.max(...levels) * 2 + 100,
    messagesPerMinute: 600,
    messagesPerMinutePerIp: 100_000,
  };
  const removeTemp = () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(keyDir, { recursive: true, force: true });
  };
  // Also on Ctrl-C (server.ts exits the process after killing the child): no temp dir is left behind.
  process.once('exit', removeTemp);
  try {
    // A cold start first, so every level below starts warm from the caches it leaves in DATA_DIR.
    const cold = await startServer(server);
    await cold.stop();
    console.log(`cold start to /healthz ok: ${(cold.readyMs / 1000).toFixed(1)} s`);

    const results: LoadResult[] = [];
    const warmStartsMs: number[] = [];
    let health: Record<string, unknown> = cold.health;
    for (const n of levels) {
      const target = await startServer(server);
      try {
        warmStartsMs.push(target.readyMs);
        const r = await runLoad(n, target, questions, settings);
        health = await target.checkHealth();
        results.push(r);
        const a = r.tally.answers;
        console.log(
          `N=${n}: ${a.count} answers in ${r.wallS.toFixed(1)} s (${r.answersPerS.toFixed(1)}/s), p50 ${a.p50.toFixed(1)} p95 ${a.p95.toFixed(1)} p99 ${a.p99.toFixed(1)} ms, errors ${r.tally.errors}, server RSS ${r.server.peakRssMb.toFixed(0)} MB CPU ${r.server.cpuPercent.toFixed(0)}%, generator CPU ${r.generator.cpuPercent.toFixed(0)}%, other programs CPU ${r.othersCpuPercent.toFixed(0)}%`,
        );
      } finally {
        await target.stop();
      }
    }

    const info: RunInfo = {
      settings,
      coldStartMs: cold.readyMs,
      warmStartsMs,
      health,
      serverEnv: {
        CHAT_MAX_CONNECTIONS: String(server.maxConnections),
        CHAT_MAX_CONNECTIONS_PER_IP: String(server.maxConnections),
        CHAT_MESSAGES_PER_MINUTE: String(server.messagesPerMinute),
        CHAT_MESSAGES_PER_MINUTE_PER_IP: String(server.messagesPerMinutePerIp),
      },
      questions: questions.length,
      totalS: (performance.now() - began) / 1000,
    };
    // The several-instances section of an earlier `--instances` run stays beside the new single-instance figures.
    const previous = readFileSync('bench/load-results.md', 'utf8');
    const kept = previous.includes(INSTANCES_HEADING) ? previous.slice(previous.indexOf(INSTANCES_HEADING)) : '';
    writeFileSync('bench/load-results.md', kept ? `${loadResultsMarkdown(results, info).replace(/\n*$/, '\n\n')}${kept}` : loadResultsMarkdown(results, info));
    const resultsFile = 'bench/results.md';
    writeFileSync(resultsFile, upsertSection(readFileSync(resultsFile, 'utf8'), resultsSection(results, info)));
    console.log(`target: ${verdict(results).text}`);
    console.log('wrote bench/load-results.md and the Load section of bench/results.md');
  } finally {
    removeTemp();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * `npm run bench:start [-- --warm=N]`: the service started as `npm start` starts it (`node dist/src/main.js`, the
 * shipped knowledge, no model, SQLite in a temp DATA_DIR) — once cold (empty DATA_DIR: every file parsed, every
 * cache written) and N times warm (the caches of the cold start reused). For each start: milliseconds from spawn to
 * the first `/healthz` with status ok, RSS at ready, RSS five seconds after ready, and the kernel's peak RSS (VmHWM)
 * by then. Builds first when the build is stale. Writes bench/start-results.md, keeping its hand-written
 * `## History` section (figures of earlier versions) as it is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readStatusKb } from './load/proc.js';
import { startServer, type ServerSettings } from './load/server.js';

const RESULTS = 'bench/start-results.md';
const SETTLE_MS = 5_000;
const TARGETS = { readyMs: 1_000, rssAfterMb: 250, peakMb: 300 };

interface StartFigures {
  readyMs: number;
  rssReadyMb: number;
  rssAfterMb: number;
  peakMb: number;
}

/** Starts the built service once, measures it, stops it. */
async function measureStart(settings: ServerSettings): Promise<StartFigures> {
  const server = await startServer(settings);
  try {
    const rssReadyMb = readStatusKb(server.pid, 'VmRSS') / 1024;
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    return { readyMs: server.readyMs, rssReadyMb, rssAfterMb: readStatusKb(server.pid, 'VmRSS') / 1024, peakMb: readStatusKb(server.pid, 'VmHWM') / 1024 };
  } finally {
    await server.stop();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function row(name: string, f: StartFigures): string {
  return `| ${name} | ${Math.round(f.readyMs)} | ${Math.round(f.rssReadyMb)} | ${Math.round(f.rssAfterMb)} | ${Math.round(f.peakMb)} |`;
}

async function main(): Promise<void> {
  const warmRuns = Number(process.argv.find((a) => a.startsWith('--warm='))?.split('=')[1] ?? 5);
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { stdio: 'inherit' });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ward-start-data-'));
  const keyDir = mkdtempSync(path.join(os.tmpdir(), 'ward-start-key-'));
  try {
    const settings: ServerSettings = {
      dataDir,
      keyFile: path.join(keyDir, 'data.key'),
      maxConnections: 100,
      messagesPerMinute: 60,
      messagesPerMinutePerIp: 20,
      nodeArgs: ['dist/src/main.js'],
      env: { EMBEDDER: 'auto' },
    };
    const cold = await measureStart(settings);
    console.log('cold', cold);
    const warm: StartFigures[] = [];
    for (let i = 0; i < warmRuns; i++) {
      warm.push(await measureStart(settings));
      console.log('warm', warm.at(-1));
    }
    const pick = (key: keyof StartFigures) => median(warm.map((f) => f[key]));
    const typical: StartFigures = { readyMs: pick('readyMs'), rssReadyMb: pick('rssReadyMb'), rssAfterMb: pick('rssAfterMb'), peakMb: pick('peakMb') };
    const met = (ok: boolean) => (ok ? 'met' : '**not met**');
    const lines = [
      '# Start-up benchmark',
      '',
      `Written by \`npm run bench:start\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}).`,
      'The service as `npm start` runs it (`node dist/src/main.js`), shipped knowledge, no embedding model, SQLite in a temp',
      'DATA_DIR. Cold: empty DATA_DIR. Warm: the caches the cold start wrote. Ready = first `/healthz` with status ok, from spawn.',
      `RSS after = ${SETTLE_MS / 1000} s after ready; peak = the kernel's VmHWM at that moment.`,
      '',
      '| start | ready (ms) | RSS at ready (MB) | RSS after 5 s (MB) | peak RSS (MB) |',
      '|---|---|---|---|---|',
      row('cold', cold),
      ...warm.map((f, i) => row(`warm ${i + 1}`, f)),
      row(`**warm, median of ${warm.length}**`, typical),
      '',
      `Targets (issue 18): warm ready < ${TARGETS.readyMs} ms — ${met(typical.readyMs < TARGETS.readyMs)}; RSS 5 s after a warm start < ${TARGETS.rssAfterMb} MB — ${met(typical.rssAfterMb < TARGETS.rssAfterMb)}; warm peak < ${TARGETS.peakMb} MB — ${met(typical.peakMb < TARGETS.peakMb)}.`,
      '',
    ];
    const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
    const history = previous.indexOf('\n## History');
    writeFileSync(RESULTS, lines.join('\n') + (history === -1 ? '' : previous.slice(history)));
    console.log(lines.join('\n'));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(keyDir, { recursive: true, force: true });
  }
}

await main();

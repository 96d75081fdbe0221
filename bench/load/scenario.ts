/**
 * One load level: N citizens ramped up over a few seconds against an already-started server, all stopping by a
 * fixed deadline, with the generator's and the server's CPU and memory measured over the same wall time.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { runCitizen } from './citizen.js';
import { sampleMachine, sampleProcess, type MachineStats, type ProcStats } from './proc.js';
import { createRng } from './script.js';
import { tally, type Tally } from './stats.js';

export interface LoadSettings {
  rampMs: number;
  /** Time after the ramp during which citizens keep talking; no message is sent after ramp + window. */
  windowMs: number;
  thinkMinMs: number;
  thinkMaxMs: number;
  timeoutMs: number;
  maxMessagesPerCitizen: number;
}

export interface LoadResult {
  n: number;
  wallS: number;
  tally: Tally;
  answersPerS: number;
  framesPerS: number;
  conversations: number;
  completed: number;
  /** All server-side processes together (one instance, or every instance plus the proxy): CPU and RSS summed. */
  server: ProcStats;
  /** Each sampled process apart, in the order of `target.pids` (just the server when there is one). */
  processes: ProcStats[];
  machine: MachineStats;
  /** Machine busy minus server minus generator: CPU taken by programs outside the benchmark, % of one core. */
  othersCpuPercent: number;
  serverWarnLines: number;
  generator: { cpuPercent: number; loopDelayP99Ms: number; loopDelayMaxMs: number; peakRssMb: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runLoad(
  n: number,
  /** `pids`: every server-side process to measure (instances and proxy); `pid` alone otherwise. */
  target: { port: number; pid: number; pids?: readonly number[]; logLines(): string[] },
  questions: readonly string[],
  settings: LoadSettings,
): Promise<LoadResult> {
  const url = `ws://127.0.0.1:${target.port}/ws/chat`;
  const warnBefore = target.logLines().length;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const samplers = (target.pids ?? [target.pid]).map((pid) => sampleProcess(pid));
  const machine = sampleMachine();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + settings.rampMs + settings.windowMs;

  // Citizens arrive evenly over the ramp rather than all at once, as people do at a ward office.
  const results = await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      await sleep((i * settings.rampMs) / n);
      return runCitizen({
        url,
        questions,
        rng: createRng(n * 100_003 + i),
        deadline,
        maxMessages: settings.maxMessagesPerCitizen,
        thinkMinMs: settings.thinkMinMs,
        thinkMaxMs: settings.thinkMaxMs,
        timeoutMs: settings.timeoutMs,
      });
    }),
  );

  const wallS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  loop.disable();
  const processes = samplers.map((sampler) => sampler.stop());
  const serverStats = sumStats(processes);
  const machineStats = machine.stop();
  const generatorCpu = ((cpu.user + cpu.system) / 1e6 / wallS) * 100;
  const t = tally(results.flatMap((r) => r.samples));
  return {
    n,
    wallS,
    tally: t,
    answersPerS: t.answers.count / wallS,
    framesPerS: t.frames / wallS,
    conversations: results.reduce((a, r) => a + r.conversations, 0),
    completed: results.reduce((a, r) => a + r.completed, 0),
    server: serverStats,
    processes,
    machine: machineStats,
    othersCpuPercent: Math.max(0, machineStats.busyPercent - serverStats.cpuPercent - generatorCpu),
    serverWarnLines: target.logLines().length - warnBefore,
    generator: {
      cpuPercent: generatorCpu,
      loopDelayP99Ms: loop.percentile(99) / 1e6,
      loopDelayMaxMs: loop.max / 1e6,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    },
  };
}

/** Several processes as one server: memory and CPU add up; the peak CPU is the sum of peaks (an upper bound). */
function sumStats(all: readonly ProcStats[]): ProcStats {
  if (all.length === 1) return all[0]!;
  const sum = (pick: (s: ProcStats) => number) => all.reduce((a, s) => a + pick(s), 0);
  return {
    peakRssMb: sum((s) => s.peakRssMb),
    hwmMb: sum((s) => s.hwmMb),
    meanRssMb: sum((s) => s.meanRssMb),
    cpuPercent: sum((s) => s.cpuPercent),
    peakCpuPercent: sum((s) => s.peakCpuPercent),
    samples: Math.min(...all.map((s) => s.samples)),
  };
}

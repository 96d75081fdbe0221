/**
 * Samples the server child from /proc once a second: RSS (VmRSS), the kernel's own peak (VmHWM), and CPU ticks
 * (utime + stime of all its threads), so server cost is measured outside the generator's process.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ProcStats {
  peakRssMb: number;
  /** VmHWM at the end: the kernel's high-water mark since the process started (catches spikes between samples). */
  hwmMb: number;
  meanRssMb: number;
  /** Server CPU over the sampled wall time, % of one core (can exceed 100 with worker threads). */
  cpuPercent: number;
  /** Highest one-second CPU share seen. */
  peakCpuPercent: number;
  samples: number;
}

/** Clock ticks per second for /proc/<pid>/stat; 100 on every common Linux, asked of getconf when available. */
function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** One `kB` field of /proc/<pid>/status (VmRSS, VmHWM), 0 when absent. */
export function readStatusKb(pid: number, field: string): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) : 0;
}

function readCpuTicks(pid: number): number {
  // The command name (field 2) may contain spaces: fields are counted after its closing parenthesis.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(rest[11]) + Number(rest[12]); // fields 14 (utime) and 15 (stime)
}

/** Starts sampling `pid`; `stop()` returns the figures for the time in between. */
export function sampleProcess(pid: number, intervalMs = 1_000): { stop(): ProcStats } {
  const hz = clockTicks();
  const startTicks = readCpuTicks(pid);
  const startAt = performance.now();
  let lastTicks = startTicks;
  let lastAt = startAt;
  const rss: number[] = [];
  let peakCpu = 0;
  let hwmKb = 0;

  const sample = () => {
    try {
      rss.push(readStatusKb(pid, 'VmRSS') / 1024);
      hwmKb = readStatusKb(pid, 'VmHWM');
      const ticks = readCpuTicks(pid);
      const now = performance.now();
      peakCpu = Math.max(peakCpu, ((ticks - lastTicks) / hz / ((now - lastAt) / 1000)) * 100);
      lastTicks = ticks;
      lastAt = now;
    } catch {
      // the process is gone: the run reports it as socket errors; keep what was sampled
    }
  };
  const timer = setInterval(sample, intervalMs);

  return {
    stop() {
      clearInterval(timer);
      sample();
      const wallS = (lastAt - startAt) / 1000;
      return {
        peakRssMb: Math.max(0, ...rss),
        hwmMb: hwmKb / 1024,
        meanRssMb: rss.length ? rss.reduce((a, b) => a + b, 0) / rss.length : 0,
        cpuPercent: wallS > 0 ? ((lastTicks - startTicks) / hz / wallS) * 100 : 0,
        peakCpuPercent: peakCpu,
        samples: rss.length,
      };
    },
  };
}

export interface MachineStats {
  /** CPU busy on the whole machine, % of one core (200 = two cores flat out), all processes included. */
  busyPercent: number;
  /** Time cores sat waiting for the disk, % of one core (SQLite checkpoints would show here). */
  iowaitPercent: number;
  loadAverage: number;
}

function readMachineTicks(): { busy: number; iowait: number } {
  // First line of /proc/stat: cpu user nice system idle iowait irq softirq steal ...
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const [user = 0, nice = 0, system = 0, , iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
  return { busy: user + nice + system + irq + softirq + steal, iowait };
}

/**
 * Whole-machine CPU over a level: other programs on a shared machine (a browser running tests, a build) take
 * cores from both the server and the generator, and the results must say when that happened.
 */
export function sampleMachine(): { stop(): MachineStats } {
  const hz = clockTicks();
  const start = readMachineTicks();
  const startAt = performance.now();
  return {
    stop() {
      const end = readMachineTicks();
      const wallS = (performance.now() - startAt) / 1000;
      const share = (ticks: number) => (wallS > 0 ? (ticks / hz / wallS) * 100 : 0);
      return {
        busyPercent: share(end.busy - start.busy),
        iowaitPercent: share(end.iowait - start.iowait),
        loadAverage: Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]),
      };
    },
  };
}

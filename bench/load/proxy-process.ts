/** The round-robin proxy (proxy.ts) in a child process, so its CPU is measured apart; killed on every exit path. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunningProxy {
  pid: number;
  port: number;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Starts `bench/load/proxy.ts` in front of `upstreams` and resolves once it listens. */
export async function spawnProxy(upstreams: readonly string[]): Promise<RunningProxy> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load/proxy.ts', '--port=0', ...upstreams], { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      live.delete(child);
      resolve();
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`proxy not ready\n${output}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = output.match(/\{"proxy":"ready","port":(\d+)\}/);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`proxy exited before it was ready\n${output}`));
    });
  });
  return {
    pid: child.pid ?? 0,
    port,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(force);
    },
  };
}

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ServerChild {
  url: string;
  /** The child's user + system CPU time so far, in microseconds. */
  cpuMicros(): Promise<number>;
  stop(): void;
}

/** Forks bench/lib/server-child.ts in the given mode and waits until it listens. */
export async function startServerChild(
  mode: '--switchboard' | '--bare',
  ...extra: string[]
): Promise<ServerChild> {
  const child: ChildProcess = fork(
    fileURLToPath(new URL('./server-child.ts', import.meta.url)),
    [mode, ...extra],
    {
      // BENCH_PROFILE=dir writes a V8 CPU profile of the server child there.
      execArgv: [
        '--import',
        'tsx',
        ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const next = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: { type: string } & T) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolve(message);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`server child exited with ${code}`)));
    });
  const { url } = await next<{ url: string }>('ready');
  return {
    url,
    async cpuMicros() {
      const reply = next<{ micros: number }>('cpu');
      child.send({ type: 'cpu' });
      return (await reply).micros;
    },
    // SIGINT lets Node write the CPU profile before it exits.
    stop: () => void child.kill('SIGINT'),
  };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface ServerProcess {
  child: ChildProcess;
  output: string[];
  /** Stops it as a crash would: kill -9, no goodbye to anyone. */
  crash(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `server/index.ts` in a process of its own and waits until it says where it listens. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, '../../server/index.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  await new Promise<void>((ok, no) => {
    const timer = setTimeout(() => no(new Error(`the room server did not start:\n${output.join('')}`)), 60_000);
    const hear = (d: Buffer) => {
      output.push(String(d));
      if (String(d).includes('Firepants rooms')) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout?.on('data', hear);
    child.stderr?.on('data', (d: Buffer) => output.push(String(d)));
    child.once('exit', (code) => no(new Error(`the room server exited (${code}):\n${output.join('')}`)));
  });
  return {
    child,
    output,
    async crash() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

import type { ChildProcess } from 'node:child_process';
import { AppError } from '../domain/app-error';
import type { OutputTail } from './playground-diagnostics';

const LISTENING = /Listening on (\d+)/;

/**
 * Resolves with the Playground's real port once it can serve. "Listening on <port>" is printed
 * before the config file is loaded, so a bad config still prints it and exits a moment later; only
 * an answer from `GET /_debug/ping` (mounted after the config loaded) means ready.
 */
export function waitForPlayground(child: ChildProcess, tail: OutputTail, timeoutMs: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let settled = false;
    let port: number | null = null;
    const settle = (error: AppError | null, value?: number): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.stdout?.off('data', onOutput);
      child.off('exit', onExit);
      child.off('error', onError);
      if (error) reject(error);
      else resolve(value ?? 0);
    };
    const onOutput = (): void => {
      if (port !== null) return;
      const match = tail.lines().map((line) => LISTENING.exec(line)).find((m) => m !== null);
      if (!match) return;
      port = Number(match[1]);
      void probe(port, () => settled).then((ok) => {
        if (ok) settle(null, port ?? 0);
      });
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      settle(new AppError('playground_failed', `exited (code ${code}, signal ${signal}) before it was ready`, { details: { reason: 'exited', exitCode: code, signal, port } }));
    const onError = (error: Error): void =>
      settle(new AppError('playground_failed', `could not be run: ${error.message}`, { cause: error, details: { reason: 'spawn_error' } }));
    const timer = setTimeout(() => {
      const what = port === null ? 'printed no "Listening on <port>" line' : `listened on ${port} but did not answer /_debug/ping`;
      settle(new AppError('playground_failed', `${what} within ${timeoutMs} ms`, { details: { reason: 'timeout', port } }));
    }, timeoutMs);
    child.stdout?.on('data', onOutput);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

async function probe(port: number, gaveUp: () => boolean): Promise<boolean> {
  while (!gaveUp()) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/_debug/ping`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok && (await res.text()) === 'pong') return true;
    } catch {
      // Not accepting connections yet, or exiting: the exit handler reports that.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

import { fork, type ChildProcess } from 'node:child_process';

/**
 * A benchmark's far end in a process of its own (the same bundle, started with BENCH_ROLE=<role>):
 * its work, its clock and its memory stay out of the measured process. Commands go over IPC.
 */
export class Child<Command> {
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly process: ChildProcess;

  /** `script`: the bundle to start (default this process's own, as a benchmark is one bundle). */
  constructor(private readonly role: string, script: string = process.argv[1]) {
    this.process = fork(script, [], { env: { ...process.env, BENCH_ROLE: role }, execArgv: ['--no-deprecation', '--expose-gc'] });
    this.process.on('message', (message: { id: number; value?: unknown; error?: string }) => {
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error !== undefined) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.value);
    });
    // A killed child answers nothing more: its callers hear so instead of waiting forever.
    this.process.on('exit', (code, signal) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`${this.role} process ended (${signal ?? code})`));
      this.waiting.clear();
    });
  }

  call<T = unknown>(command: Command): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      if (!this.process.connected) return reject(new Error(`${this.role} process has ended`));
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.process.send({ id, command }, (error) => {
        if (!error) return;
        this.waiting.delete(id);
        reject(error);
      });
    });
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    this.process.kill(signal);
  }

  /** Resolves when the process has ended (at once if it already has). */
  exited(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => this.process.once('exit', () => resolve()));
  }
}

/** In the child: answers each command with its handler's value (or its error's message). */
export function serveCommands<Command>(handle: (command: Command) => Promise<unknown>): void {
  process.on('message', (message: { id: number; command: Command }) => {
    handle(message.command).then(
      (value) => process.send?.({ id: message.id, value }),
      (error: unknown) => process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

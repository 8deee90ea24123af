import { fork, type ChildProcess } from 'node:child_process';

/**
 * A benchmark's far end in a process of its own (the same bundle, started with BENCH_ROLE=<role>):
 * its work, its clock and its memory stay out of the measured process. Commands go over IPC.
 */
export class Child<Command> {
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly process: ChildProcess;

  constructor(role: string) {
    this.process = fork(process.argv[1], [], { env: { ...process.env, BENCH_ROLE: role }, execArgv: ['--no-deprecation', '--expose-gc'] });
    this.process.on('message', (message: { id: number; value?: unknown; error?: string }) => {
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error !== undefined) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.value);
    });
  }

  call<T = unknown>(command: Command): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.process.send({ id, command });
    });
  }

  kill(): void {
    this.process.kill();
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

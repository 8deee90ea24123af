import type { Socket } from 'node:net';

interface Hold {
  readonly timer: NodeJS.Timeout | null;
  readonly socket: Socket;
  finish(elapsed: boolean): void;
}

/**
 * Requests the sandbox keeps waiting (latency and hang faults). This is network time, so it uses
 * real timers whatever clock the sandbox has. `releaseAll` (on close) drops their connections.
 */
export class RequestHolds {
  private readonly pending = new Set<Hold>();

  /** Resolves true after `ms` (never, for Infinity), false when released or the client went away. */
  wait(ms: number, socket: Socket): Promise<boolean> {
    return new Promise((resolve) => {
      const onClose = (): void => hold.finish(false);
      const hold: Hold = {
        socket,
        timer: Number.isFinite(ms) ? setTimeout(() => hold.finish(true), ms) : null,
        finish: (elapsed) => {
          if (!this.pending.delete(hold)) return;
          if (hold.timer) clearTimeout(hold.timer);
          socket.off('close', onClose);
          resolve(elapsed);
        },
      };
      this.pending.add(hold);
      socket.once('close', onClose);
    });
  }

  releaseAll(): void {
    for (const hold of [...this.pending]) {
      hold.finish(false);
      hold.socket.destroy();
    }
  }
}

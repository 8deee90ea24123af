import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../domain/app-error';
import type { Logger } from '../ports/logger';
import { PLAYGROUND_CONFIG_FILE_NAME, buildPlaygroundConfig, renderPlaygroundConfig } from './playground-config';
import { resolvePlaygroundCli } from './playground-cli-path';
import { OutputTail, readLogHints } from './playground-diagnostics';
import { playgroundEnv } from './playground-env';
import { waitForPlayground } from './playground-readiness';

export interface AgentsPlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  readonly botEndpoint: string;
  /** Where the config file and the Playground's `devTools/` logs go; created when missing. */
  readonly workDir: string;
  readonly logger: Logger;
  /** 56150 by default, as the Playground; when taken it silently picks another. 0 = any free port. */
  readonly preferredPort?: number;
  /** Which of PLAYGROUND_PEOPLE is the current user (chats with the bot); 0, Jan de Vries, by default. */
  readonly currentUserIndex?: number;
  /** How long start() waits for a usable Playground; 60 s by default. */
  readonly startTimeoutMs?: number;
  /** The Playground CLI script; resolved from node_modules by default. */
  readonly cliPath?: string;
  /** The environment the child starts from (config's `childEnv`: no secrets). */
  readonly baseEnv: Readonly<Record<string, string>>;
}

export interface StartedPlayground {
  /** The web UI, and the base URL of the routes the web UI (and PlaygroundDriver) use. */
  readonly url: string;
  readonly port: number;
}

/**
 * Runs the Microsoft 365 Agents Playground (pinned 0.2.28) as a child process with a deterministic
 * config, for demos and end-to-end tests. The child dies with this process, however it ends: an IPC
 * channel closes when the parent is gone, and the child exits on 'disconnect'.
 */
export class AgentsPlayground {
  private child: ChildProcess | null = null;
  private readonly killOnExit = (): void => {
    this.child?.kill('SIGKILL');
  };

  private readonly options: AgentsPlaygroundOptions;

  constructor(options: AgentsPlaygroundOptions) {
    // The child runs inside workDir and reads the config and log paths it is handed from there: a
    // relative DATA_DIR (the default ./data) would point it at data/playground/data/playground/...
    this.options = { ...options, workDir: resolve(options.workDir) };
  }

  get logFile(): string {
    return join(this.options.workDir, 'devTools', 'm365agentsplayground.log');
  }

  /** The child's process id while it runs. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<StartedPlayground> {
    if (this.child) throw new AppError('playground_failed', 'The Agents Playground is already running', { details: { reason: 'already_started' } });
    const { workDir, logger } = this.options;
    const startedAt = Date.now();
    const configPath = join(workDir, PLAYGROUND_CONFIG_FILE_NAME);
    const config = renderPlaygroundConfig(buildPlaygroundConfig(this.options.currentUserIndex ?? 0));
    try {
      mkdirSync(workDir, { recursive: true });
      writeFileSync(configPath, config);
      rmSync(this.logFile, { force: true });
    } catch (cause) {
      throw new AppError('playground_failed', `The Agents Playground's work dir ${workDir} is not usable: ${String(cause)}`, { cause, details: { reason: 'work_dir' } });
    }
    const cliPath = this.options.cliPath ?? resolvePlaygroundCli();
    const args = ['--app-endpoint', this.options.botEndpoint, '--channel-id', 'msteams', '--port', String(this.options.preferredPort ?? 56150), '--disable-telemetry'];
    // `node -e` keeps argv shaped as for `node cli.js ...`: the Playground's yargs reads argv[2...].
    const watchdog = "process.on('disconnect', () => process.exit(0)); require(process.argv[1]);";
    const child = spawn(process.execPath, ['-e', watchdog, cliPath, ...args], {
      cwd: workDir,
      env: playgroundEnv(this.options.baseEnv, { configPath, logFile: this.logFile }),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child = child;
    process.once('exit', this.killOnExit);
    const tail = new OutputTail();
    const log = logger.child({ component: 'agents-playground', pid: child.pid });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => tail.push(chunk).forEach((line) => log.debug({ line }, 'playground stdout')));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => tail.push(chunk).forEach((line) => log.warn({ line }, 'playground stderr')));
    try {
      const port = await waitForPlayground(child, tail, this.options.startTimeoutMs ?? 60_000);
      const url = `http://localhost:${port}`;
      log.info({ url, port, ms: Date.now() - startedAt, workDir }, 'Agents Playground ready');
      child.once('exit', (code, signal) => {
        if (this.child === child) log.warn({ code, signal, hints: readLogHints(this.logFile) }, 'Agents Playground exited');
      });
      return { url, port };
    } catch (error) {
      await this.stop();
      const failure = this.describeFailure(error, startedAt, tail);
      log.error({ code: failure.code, ...failure.details }, 'Agents Playground did not start');
      throw failure;
    }
  }

  /** Ends the child and waits until it is gone; SIGKILL when SIGTERM is not enough within 5 s. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    process.removeListener('exit', this.killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const escalate = setTimeout(() => child.kill('SIGKILL'), 5_000);
    try {
      await exited;
    } finally {
      clearTimeout(escalate);
    }
  }

  private describeFailure(error: unknown, startedAt: number, tail: OutputTail): AppError {
    const hints = readLogHints(this.logFile);
    const output = tail.lines();
    const reason = error instanceof AppError ? error.message : `could not be run: ${error instanceof Error ? error.message : String(error)}`;
    const message = [
      `The Agents Playground ${reason}.`,
      `Its log (${this.logFile}) says:\n  ${hints.join('\n  ')}`,
      output.length > 0 ? `Its output ended with:\n  ${output.slice(-10).join('\n  ')}` : 'It printed nothing.',
    ].join('\n');
    const details = error instanceof AppError ? error.details : { reason: 'spawn_error' };
    return new AppError('playground_failed', message, { cause: error, details: { ...details, ms: Date.now() - startedAt, hints, output, logFile: this.logFile } });
  }
}

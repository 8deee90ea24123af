import { readFileSync } from 'node:fs';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The last `max` lines a child printed, for error messages. */
export class OutputTail {
  private readonly kept: string[] = [];
  private partial = '';

  constructor(private readonly max = 40) {}

  /** Adds a chunk and returns the complete lines it finished. */
  push(chunk: string): string[] {
    const parts = (this.partial + chunk.replace(ANSI, '')).split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    const complete = parts.filter((line) => line.trim() !== '');
    this.kept.push(...complete);
    this.kept.splice(0, Math.max(0, this.kept.length - this.max));
    return complete;
  }

  lines(): string[] {
    return this.partial.trim() === '' ? [...this.kept] : [...this.kept, this.partial];
  }
}

/**
 * What the Playground's own log says went wrong. When stdout is not a terminal it writes everything
 * except the "Listening on" line only to `devTools/m365agentsplayground.log`, each line prefixed with
 * its console level; a config problem shows as `error Reason: ConfigFileParseError ...`.
 */
export function readLogHints(logFile: string, max = 8): string[] {
  let text: string;
  try {
    text = readFileSync(logFile, 'utf8');
  } catch (error) {
    return [`(no Playground log at ${logFile}: ${error instanceof Error ? error.message : String(error)})`];
  }
  const lines = text.replace(ANSI, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const errors = lines.filter((line) => line.startsWith('error ') && !line.includes('Go to the link'));
  const chosen = errors.length > 0 ? errors : lines.filter((line) => !line.startsWith('debug '));
  return chosen.slice(-max).map((line) => (line.length > 500 ? `${line.slice(0, 500)}...` : line));
}

import type { Logger } from '../../src/ports/logger';

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

/** Keeps every line so tests can assert on what an operator would read, and on what must never be there. */
export class RecordingLogger implements Logger {
  constructor(readonly lines: LogLine[] = [], private readonly bindings: Record<string, unknown> = {}) {}

  debug(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ level: 'debug', message, fields: { ...this.bindings, ...fields } });
  }
  info(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ level: 'info', message, fields: { ...this.bindings, ...fields } });
  }
  warn(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ level: 'warn', message, fields: { ...this.bindings, ...fields } });
  }
  error(fields: Record<string, unknown>, message: string): void {
    this.lines.push({ level: 'error', message, fields: { ...this.bindings, ...fields } });
  }
  child(bindings: Record<string, unknown>): Logger {
    return new RecordingLogger(this.lines, { ...this.bindings, ...bindings });
  }

  /** Everything logged, serialised, for "the secret appears nowhere" assertions. */
  text(): string {
    return this.lines.map((l) => `${l.level} ${l.message} ${safeStringify(l.fields)}`).join('\n');
  }
}

function safeStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Error ? { ...v, name: v.name, message: v.message } : v));
}

import type { z } from 'zod';
import { AppError } from '../../domain/app-error';

/** One thing wrong with an input, named by its field as the admin knows it. */
export interface InputProblem {
  readonly field: string;
  readonly message: string;
}

/** `validation_failed` listing every problem in plain words; values are never echoed (they may be keys). */
export function validationFailed(problems: readonly InputProblem[]): AppError {
  const text = problems.map((p) => `${p.field} ${p.message}`).join('; ');
  return new AppError('validation_failed', `Not saved: ${text}.`, { details: { problems } });
}

function problemsOf(error: z.ZodError): InputProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join('.') || 'the request';
    if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return { field, message: 'is required' };
    if (issue.code === 'invalid_type') return { field, message: `must be ${article(issue.expected)}` };
    if (issue.code === 'unrecognized_keys') return { field: issue.keys.join(', '), message: 'is not a setting this takes' };
    return { field, message: issue.message };
  });
}

function article(expected: string): string {
  if (expected === 'boolean') return 'true or false';
  if (expected === 'object') return 'an object';
  if (expected === 'array') return 'a list';
  return `a ${expected}`;
}

/** Parses `input`, adding each bad field to `problems`; null when there was one. */
export function collectInput<S extends z.ZodType>(schema: S, input: unknown, problems: InputProblem[]): z.output<S> | null {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  problems.push(...problemsOf(result.error));
  return null;
}

/** Parses `input` or throws `validation_failed` naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(problemsOf(result.error));
  return result.data;
}

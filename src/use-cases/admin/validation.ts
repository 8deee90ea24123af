import type { z } from 'zod';
import { AppError } from '../../domain/app-error';
import { NO_FIELD } from '../../domain/field-map';
import { inputProblemText, type AdviceParams, type InputProblemCode } from '../../domain/i18n/admin-advice';

/**
 * One thing wrong with an input, named by its field as the admin knows it: a stable `code` with
 * its `params` (the admin screen says it in the user's language) and the English `message`.
 */
export interface InputProblem {
  readonly field: string;
  readonly code: InputProblemCode;
  readonly params: AdviceParams;
  readonly message: string;
}

/** Parameters some problems always have. */
const FIXED_PARAMS: Partial<Record<InputProblemCode, AdviceParams>> = { optionalFieldName: { none: NO_FIELD } };

export function inputProblem(field: string, code: InputProblemCode, params: AdviceParams = {}): InputProblem {
  const all = { ...FIXED_PARAMS[code], ...params };
  return { field, code, params: all, message: inputProblemText('en', code, all) ?? code };
}

/** `validation_failed` listing every problem in plain words; values are never echoed (they may be keys). */
export function validationFailed(problems: readonly InputProblem[]): AppError {
  const text = problems.map((p) => `${p.field} ${p.message}`).join('; ');
  return new AppError('validation_failed', `Not saved: ${text}.`, { details: { problems } });
}

const TYPE_CODES: Readonly<Record<string, InputProblemCode>> = { boolean: 'notBoolean', object: 'notObject', array: 'notList', string: 'notText', number: 'notNumber' };

/** Whether a schema's own message is one of our codes (schemas name their problem by code). */
function isCode(message: string): message is InputProblemCode {
  return inputProblemText('en', message) !== null;
}

function problemOf(issue: z.core.$ZodIssue): InputProblem {
  const field = issue.path.map(String).join('.') || 'the request';
  if (isCode(issue.message)) return inputProblem(field, issue.message, (issue.code === 'custom' ? issue.params : undefined) ?? {});
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) return inputProblem(field, 'required');
  if (issue.code === 'invalid_type' && TYPE_CODES[issue.expected]) return inputProblem(field, TYPE_CODES[issue.expected]);
  if (issue.code === 'unrecognized_keys') return inputProblem(issue.keys.join(', '), 'unknownSetting');
  if (issue.code === 'too_big' && issue.origin === 'string') return inputProblem(field, 'tooLong', { max: Number(issue.maximum) });
  if (issue.code === 'invalid_value') return inputProblem(field, 'notAnOption', { options: issue.values.map(String) });
  return inputProblem(field, 'unclear', { text: issue.message });
}

/** Parses `input`, adding each bad field to `problems`; null when there was one. */
export function collectInput<S extends z.ZodType>(schema: S, input: unknown, problems: InputProblem[]): z.output<S> | null {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  problems.push(...result.error.issues.map(problemOf));
  return null;
}

/** Parses `input` or throws `validation_failed` naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(result.error.issues.map(problemOf));
  return result.data;
}

import { AfasEnvironmentError, insiteUrlFor, resolveAfasEnvironment, type AfasEnvironmentType } from '../../domain/afas-environment';
import { inputProblem, type InputProblem } from './validation';

export interface ConnectionUrls {
  readonly baseUrl: string;
  readonly insiteUrl: string;
  readonly defaultTasksUrl: string;
}

/**
 * The REST base URL from what the admin typed, and InSite and the default tasks URL when they gave
 * none: InSite follows from the participant number; a bare URL has none, so InSite is then required.
 */
export function resolveConnectionUrls(
  input: { environment: string; environmentType?: AfasEnvironmentType; insiteUrl?: string; defaultTasksUrl?: string },
  problems: InputProblem[],
): ConnectionUrls | null {
  let resolved;
  try {
    resolved = resolveAfasEnvironment(input.environment, input.environmentType);
  } catch (error) {
    if (!(error instanceof AfasEnvironmentError)) throw error;
    problems.push(inputProblem('environment', error.code));
    return null;
  }
  if (input.environmentType !== undefined && !/^\d{5}$/.test(input.environment.trim())) {
    problems.push(inputProblem('environmentType', 'environmentTypeNotApplicable'));
  }
  const insiteUrl = input.insiteUrl ?? (resolved.participant ? insiteUrlFor(resolved.participant) : null);
  if (insiteUrl === null) {
    problems.push(inputProblem('insiteUrl', 'insiteUrlRequired'));
    return null;
  }
  return { baseUrl: resolved.baseUrl, insiteUrl, defaultTasksUrl: input.defaultTasksUrl ?? insiteUrl };
}

/** The InSite URL the environment implies, or null (a URL without participant, or not resolvable). */
export function impliedInsiteUrl(environment: string): string | null {
  try {
    const participant = resolveAfasEnvironment(environment).participant;
    return participant ? insiteUrlFor(participant) : null;
  } catch {
    return null;
  }
}

/** The REST base URL the environment names, or null when it names none (resolveConnectionUrls says why). */
export function baseUrlOf(environment: string, type?: AfasEnvironmentType): string | null {
  try {
    return resolveAfasEnvironment(environment, type).baseUrl;
  } catch {
    return null;
  }
}

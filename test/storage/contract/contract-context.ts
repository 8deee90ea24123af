import type { AfasConnection } from '../../../src/domain/afas-connection';
import type { Activation } from '../../../src/domain/activation';
import type { UserKey } from '../../../src/domain/user-key';
import type { SecretBox } from '../../../src/ports/secret-box';
import type { Storage } from '../../../src/ports/storage';
import type { SqlDriver } from '../../../src/storage/sql-driver';
import { AppError } from '../../../src/domain/app-error';

/** What each part of the contract works with; getters, because hooks replace them per test. */
export interface ContractContext {
  readonly secretBox: SecretBox;
  readonly storage: Storage;
  readonly raw: SqlDriver;
  /** Closes the storage and opens the same database again (a restart). */
  reopen(secretBox?: SecretBox): Promise<Storage>;
}

export const T0 = new Date('2026-03-02T08:00:00.123Z');

export function later(ms: number, from: Date = T0): Date {
  return new Date(from.getTime() + ms);
}

export function user(aadObjectId: string, tenantId = 'tenant-a'): UserKey {
  return { tenantId, aadObjectId };
}

export function connection(overrides: Partial<AfasConnection> = {}): AfasConnection {
  return {
    id: 'conn-1',
    tenantId: 'tenant-a',
    name: 'Production',
    environment: 'O12345AA',
    baseUrl: 'https://12345.rest.afas.online/ProfitRestServices',
    insiteUrl: 'https://12345.afasinsite.nl',
    tasksConnector: 'Teams_Tasks',
    signalsConnector: 'Teams_Signals',
    taskFieldMap: { title: 'omschrijving' },
    signalFieldMap: {},
    taskUrlTemplate: 'https://12345.afasinsite.nl/taken?guid={guid_task}',
    signalUrlTemplate: null,
    defaultTasksUrl: 'https://12345.afasinsite.nl/taken',
    useDefaultTasksUrl: false,
    taskActions: { enabled: true, subjectTasksConnector: 'Profit_Subject_Tasks', workflowActionsConnector: 'Profit_Workflowactions', reactionConnector: 'KnSubjectWorkflowReaction' },
    defaultList: 'task',
    isDefault: false,
    enabled: true,
    createdAt: T0,
    updatedAt: later(1000),
    ...overrides,
  };
}

export function activation(who: UserKey, overrides: Partial<Omit<Activation, 'status' | 'updatedAt'>> = {}): Omit<Activation, 'status' | 'updatedAt'> {
  return { user: who, connectionId: 'conn-1', afasUserId: `${who.aadObjectId}@example.nl`, activatedAt: T0, ...overrides };
}

/** The AppError a promise rejects with (fails the test when it resolves or throws something else). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to fail with an AppError');
}

/** Every text cell of a table, for "the secret is nowhere in the raw data" checks. */
export async function rawText(raw: SqlDriver, table: string): Promise<string> {
  return JSON.stringify(await raw.query(`SELECT * FROM ${table}`));
}

import { z } from 'zod';
import type { UserKey } from '../domain/user-key';
import { userKeyString } from '../domain/user-key';
import { DEFAULT_PREFERENCES, type UserPreferences } from '../domain/user-preferences';
import type { PreferenceStore } from '../ports/preference-store';
import { column, parseJsonColumn, parseRow } from './parse-row';
import type { SqlDriver } from './sql-driver';

// Keys missing from a stored document take today's default: rows written before a preference
// existed stay readable. A present key with a wrong value is still a corrupt row.
const preferencesSchema = z.preprocess(
  (value) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...DEFAULT_PREFERENCES, ...value } : value),
  z.object({
    signalNotifications: z.boolean(),
    taskNotifications: z.boolean(),
    digest: z.boolean(),
    digestTime: z.string(),
    quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
    language: z.enum(['en', 'nl']).nullable(),
    firstList: z.enum(['task', 'signal']),
  }),
);

export class SqlPreferenceStore implements PreferenceStore {
  constructor(private readonly db: SqlDriver) {}

  async get(user: UserKey): Promise<UserPreferences | null> {
    const rows = await this.db.query('SELECT preferences FROM user_preferences WHERE tenant_id = $1 AND aad_object_id = $2', [
      user.tenantId,
      user.aadObjectId,
    ]);
    if (rows.length === 0) return null;
    const origin = { table: 'user_preferences', key: userKeyString(user) };
    const row = parseRow(z.object({ preferences: column.text }), rows[0], origin);
    return parseJsonColumn(preferencesSchema, row.preferences, 'preferences', origin);
  }

  async save(user: UserKey, preferences: UserPreferences, at: Date): Promise<void> {
    await this.db.execute(
      `INSERT INTO user_preferences (tenant_id, aad_object_id, preferences, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, aad_object_id) DO UPDATE SET preferences = excluded.preferences, updated_at = excluded.updated_at`,
      [user.tenantId, user.aadObjectId, JSON.stringify(preferences), at.getTime()],
    );
  }
}

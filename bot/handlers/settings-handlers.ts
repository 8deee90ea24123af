import { languageFromLocale } from '../../src/domain/i18n/translate';
import { DEFAULT_PREFERENCES, type Language } from '../../src/domain/user-preferences';
import type { BotTurn } from '../bot-turn';
import { buildSettingsCancelledCard, buildSettingsCard, settingsFormFrom, type SettingsForm } from '../cards/settings-card';
import { languageFor } from '../turn-user';

/** The Teams client's language, which "Same as Teams" follows. */
function teamsLanguage(turn: BotTurn): Language {
  return languageFromLocale(turn.context.activity.locale ?? undefined);
}

/** "settings": the form with what is stored now (defaults for a user who never saved). */
export async function showSettings(turn: BotTurn): Promise<void> {
  const preferences = (await turn.services.preferences.get(turn.user)) ?? DEFAULT_PREFERENCES;
  await turn.replies.send(buildSettingsCard({ lang: turn.lang, teamsLanguage: teamsLanguage(turn), form: settingsFormFrom(preferences) }));
}

/**
 * "Save": stores the form through the use case and replaces the card with the saved state, already
 * in the language just chosen. A refused form comes back as entered, with what to correct.
 */
export async function saveSettings(form: SettingsForm, turn: BotTurn): Promise<void> {
  const result = await turn.services.updatePreferences.execute(turn.user, { ...form, language: form.language === 'teams' ? null : form.language });
  if (!result.ok) {
    turn.services.logger.info({ problems: result.problems.map((p) => p.code) }, 'settings not saved');
    await turn.replies.send(buildSettingsCard({ lang: turn.lang, teamsLanguage: teamsLanguage(turn), form, problems: result.problems }));
    return;
  }
  const lang = languageFor(turn.context.activity, result.preferences);
  await turn.replies.send(buildSettingsCard({ lang, teamsLanguage: teamsLanguage(turn), form: settingsFormFrom(result.preferences), saved: true }));
}

export async function cancelSettings(turn: BotTurn): Promise<void> {
  await turn.replies.send(buildSettingsCancelledCard(turn.lang));
}

import { translate } from '../../src/domain/i18n/translate';
import { isTimeOfDay } from '../../src/domain/notification-schedule';
import type { Language, UserPreferences } from '../../src/domain/user-preferences';
import type { PreferenceProblem } from '../../src/use-cases/update-preferences';
import { adaptiveCard, type AdaptiveCard, type CardElement, type Spacing } from './adaptive-card';
import { executeAction } from './card-actions';
import { buildMessageCard } from './message-card';
import { heading, paragraph } from './rich-text';
import { QUIET_HOURS_NONE, SETTINGS_INPUT_IDS, VERBS, type VerbData } from './verbs';

/*
 * Times are picked from half-hour lists (Input.ChoiceSet) rather than Input.Time: Input.Time shows
 * 12- or 24-hour clocks depending on the device, is not rendered by every mobile host, and cannot
 * say "none". A list reads "22:00" everywhere and offers "None" for quiet hours. The server still
 * checks every value, as card payloads are untrusted.
 */

/** The card's inputs as Teams sends them back, parsed: also what a refused save shows again. */
export type SettingsForm = VerbData<typeof VERBS.settingsSave>;

interface Toggle {
  readonly type: 'Input.Toggle';
  readonly id: string;
  readonly title: string;
  readonly value: 'true' | 'false';
  readonly valueOn: 'true';
  readonly valueOff: 'false';
  readonly wrap: true;
  readonly spacing?: Spacing;
}

interface ChoiceSet {
  readonly type: 'Input.ChoiceSet';
  readonly id: string;
  readonly label: string;
  readonly style: 'compact' | 'expanded';
  readonly value: string;
  readonly choices: readonly { readonly title: string; readonly value: string }[];
  readonly spacing?: Spacing;
  readonly separator?: boolean;
}

/**
 * `adaptive-card.ts` types only the elements the other cards use; these 1.0 inputs are checked
 * against the official schema by the card tests like everything else.
 */
const asElements = (inputs: readonly (Toggle | ChoiceSet)[]): CardElement[] => inputs as unknown as CardElement[];

export const HALF_HOURS: readonly string[] = Array.from({ length: 48 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}`);

/** The half hours, plus a valid stored time off that grid (set elsewhere) so it is not lost. */
function timeChoices(current: string): { title: string; value: string }[] {
  const times = isTimeOfDay(current) && !HALF_HOURS.includes(current) ? [...HALF_HOURS, current].sort() : HALF_HOURS;
  return times.map((time) => ({ title: time, value: time }));
}

function toggle(id: string, title: string, on: boolean, spacing?: Spacing): Toggle {
  return { type: 'Input.Toggle', id, title, value: on ? 'true' : 'false', valueOn: 'true', valueOff: 'false', wrap: true, ...(spacing ? { spacing } : {}) };
}

/** A list of times; with `none`, a first choice for "no time" (selected when `value` is empty). */
function timeList(id: string, label: string, value: string, none: string | null): ChoiceSet {
  const choices = [...(none === null ? [] : [{ title: none, value: QUIET_HOURS_NONE }]), ...timeChoices(value)];
  const selected = isTimeOfDay(value) ? value : none !== null && value === '' ? QUIET_HOURS_NONE : '';
  return { type: 'Input.ChoiceSet', id, label, style: 'compact', value: selected, choices };
}

/** What the card shows for stored (or default) preferences. */
export function settingsFormFrom(preferences: UserPreferences): SettingsForm {
  return {
    signalNotifications: preferences.signalNotifications,
    taskNotifications: preferences.taskNotifications,
    digest: preferences.digest,
    digestTime: preferences.digestTime,
    quietStart: preferences.quietHours?.start ?? '',
    quietEnd: preferences.quietHours?.end ?? '',
    language: preferences.language ?? 'teams',
  };
}

function problemText(lang: Language, problem: PreferenceProblem): string {
  switch (problem.code) {
    case 'digest_time_invalid':
      return translate(lang, 'settings.problem.digestTimeInvalid', { value: problem.value });
    case 'digest_time_missing':
      return translate(lang, 'settings.problem.digestTimeMissing');
    case 'quiet_time_invalid':
      return translate(lang, 'settings.problem.quietTimeInvalid', { value: problem.value });
    case 'quiet_hours_incomplete':
      return translate(lang, 'settings.problem.quietHoursIncomplete');
    case 'quiet_hours_same':
      return translate(lang, 'settings.problem.quietHoursSame');
  }
}

export interface SettingsCardInput {
  readonly lang: Language;
  /** The Teams client's language, named in the "Same as Teams" choice. */
  readonly teamsLanguage: Language;
  readonly form: SettingsForm;
  /** True right after a save: a short confirmation on top. */
  readonly saved?: boolean;
  /** Why the last save was refused; the form then shows what the user entered. */
  readonly problems?: readonly PreferenceProblem[];
}

function statusLines(input: SettingsCardInput): CardElement[] {
  const { lang } = input;
  if (input.problems && input.problems.length > 0) {
    return [paragraph(translate(lang, 'settings.notSaved'), { weight: 'bolder' }), ...input.problems.map((p) => paragraph(`• ${problemText(lang, p)}`, {}, { spacing: 'none' }))];
  }
  return input.saved ? [paragraph(translate(lang, 'settings.saved'), { weight: 'bolder' })] : [];
}

const section = (text: string): CardElement => paragraph(text, { weight: 'bolder' }, { spacing: 'large', separator: true });

/** The user's preferences as a form: notifications, daily summary, quiet hours, language; Save and Cancel. */
export function buildSettingsCard(input: SettingsCardInput): AdaptiveCard {
  const { lang, form } = input;
  const ids = SETTINGS_INPUT_IDS;
  const none = translate(lang, 'settings.quietNone');
  const languageChoices = [
    { title: translate(lang, 'settings.languageTeams', { language: translate(lang, `settings.languageName.${input.teamsLanguage}`) }), value: 'teams' },
    // Each language named in itself, as language pickers do.
    { title: 'English', value: 'en' },
    { title: 'Nederlands', value: 'nl' },
  ];
  const body: CardElement[] = [
    heading(translate(lang, 'settings.title')),
    paragraph(translate(lang, 'settings.intro'), {}, { spacing: 'small' }),
    ...statusLines(input),
    section(translate(lang, 'settings.notifications')),
    ...asElements([
      toggle(ids.signalNotifications, translate(lang, 'settings.signalNotifications'), form.signalNotifications, 'small'),
      toggle(ids.taskNotifications, translate(lang, 'settings.taskNotifications'), form.taskNotifications, 'small'),
      toggle(ids.digest, translate(lang, 'settings.digest'), form.digest, 'small'),
      timeList(ids.digestTime, translate(lang, 'settings.digestTime'), form.digestTime, null),
    ]),
    section(translate(lang, 'settings.quietHours')),
    paragraph(translate(lang, 'settings.quietHoursIntro'), { isSubtle: true }, { spacing: 'small' }),
    {
      type: 'ColumnSet',
      spacing: 'small',
      columns: [
        { type: 'Column', width: 'stretch', items: asElements([timeList(ids.quietStart, translate(lang, 'settings.quietStart'), form.quietStart, none)]) },
        { type: 'Column', width: 'stretch', items: asElements([timeList(ids.quietEnd, translate(lang, 'settings.quietEnd'), form.quietEnd, none)]) },
      ],
    },
    ...asElements([{ type: 'Input.ChoiceSet', id: ids.language, label: translate(lang, 'settings.language'), style: 'expanded', value: form.language, choices: languageChoices, spacing: 'large', separator: true }]),
  ];
  return adaptiveCard(body, [
    executeAction(VERBS.settingsSave, translate(lang, 'settings.save'), {}, { style: 'positive' }),
    executeAction(VERBS.settingsCancel, translate(lang, 'settings.cancel'), {}, { associatedInputs: 'none' }),
  ]);
}

/** After Cancel: the form is gone and nothing was stored. */
export function buildSettingsCancelledCard(lang: Language): AdaptiveCard {
  return buildMessageCard({ text: translate(lang, 'settings.cancelled') });
}

import { z } from 'zod';
import type { Command } from '../commands';

/**
 * Every card action is one of these verbs (Action.Execute `verb`). Handlers are a
 * `VerbHandlers<...>` record so the compiler flags a verb without one; each handler receives data
 * already parsed by the verb's schema (`parseVerbData`), because a card action payload comes from
 * the client and is untrusted.
 */
export const VERBS = {
  listPage: 'list.page',
  listRefresh: 'list.refresh',
  summaryRefresh: 'summary.refresh',
  activationStart: 'activation.start',
  activationSubmitUser: 'activation.submitUser',
  activationSubmitCode: 'activation.submitCode',
  activationResend: 'activation.resend',
  activationCancel: 'activation.cancel',
  deactivateConfirm: 'deactivate.confirm',
  deactivateCancel: 'deactivate.cancel',
  settingsSave: 'settings.save',
  settingsCancel: 'settings.cancel',
  commandRun: 'command.run',
  taskAct: 'task.act',
  taskMore: 'task.more',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];

/** Input ids on the activation cards; Teams merges input values into the action's data under these keys. */
export const INPUT_IDS = { afasUserId: 'afasUserId', code: 'code' } as const;

/** The reaction text on the task card; Teams merges it into the data of the task's buttons. */
export const TASK_INPUT_IDS = { reaction: 'reaction' } as const;

/** Input ids on the settings card, one per preference. */
export const SETTINGS_INPUT_IDS = {
  signalNotifications: 'signalNotifications',
  taskNotifications: 'taskNotifications',
  digest: 'digest',
  digestTime: 'digestTime',
  quietStart: 'quietStart',
  quietEnd: 'quietEnd',
  language: 'language',
} as const;

/** The quiet-hours lists' "None" choice (a choice needs a non-empty value); it arrives as ''. */
export const QUIET_HOURS_NONE = 'none';

/** The settings card's language choice: `teams` follows the Teams client's locale. */
export const LANGUAGE_CHOICES = ['teams', 'en', 'nl'] as const;

/**
 * The chat commands a button may run (`command.run`). Their answer arrives as a new message, so the
 * card with the button (help, welcome, a notification) stays.
 */
export const BUTTON_COMMANDS = ['tasks', 'signals', 'summary', 'help', 'settings', 'activate'] as const satisfies readonly Command[];
export type ButtonCommand = (typeof BUTTON_COMMANDS)[number];

/** Pages are 1-based, as the user reads them. The cap only rejects absurd payloads. */
export const MAX_PAGE = 1000;

const kind = z.enum(['task', 'signal']);
/**
 * `from: 'summary'`: the list was opened from the summary card, so it offers Back. `v`: the list's
 * version when the card was made (`listVersion`); cards from before it was added have none.
 */
const listPosition = z.object({ kind, page: z.number().int().min(1).max(MAX_PAGE), from: z.enum(['summary']).optional(), v: z.string().regex(/^[0-9a-f]{8}$/).optional() });
const empty = z.object({});
// A dossier item id as AFAS gives it (digits in practice), and the HMAC a task action carries.
const subjectId = z.string().regex(/^[0-9A-Za-z_-]{1,40}$/);
const taskOrigin = z.enum(['list', 'summary']).optional();
// Input.Toggle sends its valueOn/valueOff as the strings "true"/"false"; a boolean is taken too.
const toggle = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((value) => value === true || value === 'true');
// Shape only: whether it is a real HH:mm is the use case's call, so the user is told what is wrong.
const enteredTime = z.string().trim().max(32).default('');
const quietTime = enteredTime.transform((value) => (value === QUIET_HOURS_NONE ? '' : value));

export const VERB_DATA_SCHEMAS = {
  [VERBS.listPage]: listPosition,
  [VERBS.listRefresh]: listPosition,
  [VERBS.summaryRefresh]: empty,
  [VERBS.activationStart]: empty,
  // An e-mail address is at most 254 characters; AFAS user codes are far shorter.
  [VERBS.activationSubmitUser]: z.object({ [INPUT_IDS.afasUserId]: z.string().trim().min(1).max(254) }),
  // Shape only: whether it looks like an AFAS code (examples show 8 digits) is the handler's call.
  [VERBS.activationSubmitCode]: z.object({ [INPUT_IDS.code]: z.string().trim().min(1).max(64) }),
  [VERBS.activationResend]: empty,
  [VERBS.activationCancel]: empty,
  [VERBS.deactivateConfirm]: empty,
  [VERBS.deactivateCancel]: empty,
  [VERBS.settingsSave]: z.object({
    [SETTINGS_INPUT_IDS.signalNotifications]: toggle,
    [SETTINGS_INPUT_IDS.taskNotifications]: toggle,
    [SETTINGS_INPUT_IDS.digest]: toggle,
    [SETTINGS_INPUT_IDS.digestTime]: enteredTime,
    [SETTINGS_INPUT_IDS.quietStart]: quietTime,
    [SETTINGS_INPUT_IDS.quietEnd]: quietTime,
    [SETTINGS_INPUT_IDS.language]: z.enum(LANGUAGE_CHOICES),
  }),
  [VERBS.settingsCancel]: empty,
  [VERBS.commandRun]: z.object({ command: z.enum(BUTTON_COMMANDS) }),
  // Shape only: the signature is checked against what AFAS offers now, the text by the use case (so a too-long text is said as such).
  [VERBS.taskAct]: z.object({
    s: subjectId,
    a: z.union([z.number().int().min(0).max(99), z.literal('c')]),
    g: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    [TASK_INPUT_IDS.reaction]: z.string().max(20_000).optional(),
  }),
  [VERBS.taskMore]: z.object({ s: subjectId, from: taskOrigin }),
} as const satisfies Record<Verb, z.ZodType>;

export type VerbData<V extends Verb> = z.output<(typeof VERB_DATA_SCHEMAS)[V]>;

/** The data a card carries for a verb, without the fields its inputs fill in. */
type InputFields = {
  [VERBS.activationSubmitUser]: typeof INPUT_IDS.afasUserId;
  [VERBS.activationSubmitCode]: typeof INPUT_IDS.code;
  [VERBS.settingsSave]: (typeof SETTINGS_INPUT_IDS)[keyof typeof SETTINGS_INPUT_IDS];
  [VERBS.taskAct]: typeof TASK_INPUT_IDS.reaction;
};
export type StaticVerbData<V extends Verb> = V extends keyof InputFields ? Omit<VerbData<V>, InputFields[V]> : VerbData<V>;

export type VerbHandler<V extends Verb, C, R> = (data: VerbData<V>, context: C) => R;
export type VerbHandlers<C, R> = { readonly [V in Verb]: VerbHandler<V, C, R> };

const VERB_SET: ReadonlySet<string> = new Set(Object.values(VERBS));

export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && VERB_SET.has(value);
}

export type VerbDataResult<V extends Verb> = { ok: true; data: VerbData<V> } | { ok: false; issues: string[] };

/** Validates an incoming action payload for a verb; issues name the path, never echo values. */
export function parseVerbData<V extends Verb>(verb: V, data: unknown): VerbDataResult<V> {
  const schema: z.ZodType<VerbData<V>> = VERB_DATA_SCHEMAS[verb] as unknown as z.ZodType<VerbData<V>>;
  const result = schema.safeParse(data ?? {});
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, issues: result.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.code}`) };
}

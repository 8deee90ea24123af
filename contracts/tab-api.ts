import * as z from 'zod/mini';

/*
 * The tab API's wire format (/api/tab/*), shared by the server (types only) and the browser
 * (which parses every answer with these schemas before trusting it). Dates are ISO strings;
 * every text field is plain text from AFAS and must be rendered as text.
 */

const isoDate = z.string();

/** What a user can be told about a failure; the tab turns it into a sentence in their language. */
export const failureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('maintenance'), until: z.nullable(isoDate) }),
  z.object({ kind: z.literal('afas'), reference: z.nullable(z.string()) }),
  z.object({ kind: z.literal('unreachable') }),
  z.object({ kind: z.literal('adminSetup') }),
  z.object({ kind: z.literal('noAccess') }),
  /** The organisation admits only listed people; `owners` are whom to ask ("Anna Jansen (anna@contoso.nl)"). */
  z.object({ kind: z.literal('accessDenied'), owners: z.array(z.string()) }),
  z.object({ kind: z.literal('generic') }),
]);
export type FailureView = z.infer<typeof failureSchema>;

export const itemSchema = z.object({
  id: z.string(),
  title: z.string(),
  from: z.nullable(z.string()),
  date: z.nullable(isoDate),
  unread: z.boolean(),
  /** AFAS's type of the item (a task's subject type, a signal's kind): what the tab filters by. */
  type: z.optional(z.nullable(z.string())),
  /** Where a click goes: the item's deep link or the default tasks URL, decided by the server. */
  url: z.string(),
  /** A task's dossier item: what its actions are asked for by (/api/tab/tasks/:subjectId/actions). */
  subjectId: z.optional(z.nullable(z.string())),
});
export type ItemView = z.infer<typeof itemSchema>;

export const listSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** At most MAX_TILE_ITEMS, in AFAS's order. */
    items: z.array(itemSchema),
    total: z.number(),
    unread: z.number(),
    /** AFAS holds more than `total` (the server's row cap): both numbers are lower bounds, shown as "500+". */
    truncated: z.optional(z.boolean()),
  }),
  z.object({ ok: z.literal(false), failure: failureSchema }),
]);
export type ListView = z.infer<typeof listSchema>;

export const listKindSchema = z.enum(['task', 'signal']);
export type ListKind = z.infer<typeof listKindSchema>;

export const attemptSchema = z.object({ afasUserId: z.string(), nextRequestAt: z.nullable(isoDate) });
export type AttemptView = z.infer<typeof attemptSchema>;

/** GET /api/tab/tile */
export const tileResponseSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('tile'),
    firstList: listKindSchema,
    /** The user's own language choice; null = follow Teams. */
    language: z.nullable(z.enum(['en', 'nl'])),
    openAfasUrl: z.string(),
    tasks: listSchema,
    signals: listSchema,
  }),
  z.object({
    state: z.literal('activate'),
    reason: z.enum(['not_activated', 'expired']),
    attempt: z.nullable(attemptSchema),
    /** How this user signs in: the e-mailed code (absent from older servers) or AFAS OAuth (/api/tab/oauth/*). */
    signIn: z.optional(z.enum(['code', 'oauth'])),
  }),
  z.object({ state: z.literal('unavailable'), failure: failureSchema }),
]);
export type TileResponse = z.infer<typeof tileResponseSchema>;

/** POST /api/tab/activation/request and /resend */
export const codeSentSchema = z.object({ afasUserId: z.string(), nextRequestAt: z.nullable(isoDate) });
export type CodeSentResponse = z.infer<typeof codeSentSchema>;

/** POST /api/tab/activation/confirm */
export const activatedSchema = z.object({ afasUserId: z.string() });
export type ActivatedResponse = z.infer<typeof activatedSchema>;

/** PUT /api/tab/preferences */
export const preferencesSchema = z.object({ firstList: listKindSchema });
export type PreferencesResponse = z.infer<typeof preferencesSchema>;

/** Parameters of an admin advice (a field problem, a connection check finding): words, numbers, lists. */
export const adviceParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));

/** Every non-2xx answer. `code` is stable; the optional fields belong to specific codes. */
export const problemSchema = z.object({
  code: z.string(),
  failure: z.optional(failureSchema),
  /** activation_throttled */
  retryAt: z.optional(isoDate),
  codeStillUsable: z.optional(z.boolean()),
  /** activation_code_rejected: AFAS's own sentence, plain text */
  reason: z.optional(z.nullable(z.string())),
  attemptsLeft: z.optional(z.nullable(z.number())),
  /** Admin API: the server's own plain sentence (English), e.g. why an owner cannot be removed. */
  message: z.optional(z.string()),
  /**
   * Admin API, validation_failed: each bad field, named as the API names it, with what is wrong:
   * a code with parameters (said in the user's language) and the same in English.
   */
  problems: z.optional(z.array(z.object({ field: z.string(), message: z.string(), code: z.optional(z.string()), params: z.optional(adviceParamsSchema) }))),
});
export type ApiProblem = z.infer<typeof problemSchema>;

/** POST /api/tab/opened answers 204: nothing to read. */
export const noContentSchema = z.null();

export const MAX_TILE_ITEMS = 1000;
/** How many items the tab shows at first, and how many more each "Show more" adds. */
export const TILE_PAGE_SIZE = 100;

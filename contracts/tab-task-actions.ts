import * as z from 'zod/mini';

/*
 * The tab's wire format for acting on AFAS tasks (/api/tab/tasks/*), beside tab-api.ts. A task's
 * actions are offered by position and signature only, never by AFAS's GUIDs; the server checks a
 * click against what AFAS offers this user at that moment.
 */

export const offeredActionSchema = z.object({
  index: z.number(),
  /** The customer's own words ("Goedkeuren"): plain text. */
  description: z.string(),
  /** AFAS's ActionType: 1 = handle (the main buttons); others come after them. */
  type: z.number(),
  signature: z.string(),
});
export type OfferedActionView = z.infer<typeof offeredActionSchema>;

/** GET /api/tab/tasks/:subjectId/actions: the task's actions as AFAS has them now, or that it is no longer open. */
export const taskActionsSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('open'),
    subjectId: z.string(),
    title: z.nullable(z.string()),
    /** Handle actions first (by SeqNo), then the others. */
    actions: z.array(offeredActionSchema),
    /** Signature of a reaction without an action (a comment). */
    commentSignature: z.string(),
  }),
  z.object({ state: z.literal('gone') }),
]);
export type TaskActionsResponse = z.infer<typeof taskActionsSchema>;

/** POST /api/tab/tasks/act: what the tab sends back for one click. */
export const actRequestSchema = z.object({
  subjectId: z.string(),
  action: z.union([z.number(), z.literal('comment')]),
  signature: z.string(),
  text: z.string(),
});
export type ActRequest = z.infer<typeof actRequestSchema>;

/** The outcome of a click, always 200: each is a state the tab words; AFAS 401/503 come as problems. */
export const actResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('done'), kind: z.enum(['action', 'comment']), action: z.nullable(z.string()), title: z.string(), at: z.string() }),
  z.object({ status: z.literal('alreadyHandled'), title: z.nullable(z.string()) }),
  z.object({ status: z.literal('inProgress') }),
  z.object({ status: z.literal('invalidText'), problem: z.enum(['tooLong', 'controlCharacters', 'required']) }),
  z.object({ status: z.literal('notOffered'), title: z.nullable(z.string()) }),
  /** AFAS refused: its own sentence (plain text) and the reference its support asks for. */
  z.object({ status: z.literal('afasError'), title: z.nullable(z.string()), message: z.nullable(z.string()), reference: z.nullable(z.string()) }),
]);
export type ActResultResponse = z.infer<typeof actResultSchema>;

/** A reaction text longer than this is refused by the server's own check with a sentence; the wire takes a little more. */
export const MAX_ACT_TEXT_WIRE_LENGTH = 4000;
